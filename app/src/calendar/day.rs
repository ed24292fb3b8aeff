//! The day view: every touch of one day by time, a page at a time, with the contact each
//! reaches.

use super::chip::TouchChip;
use super::marks::DayMarks;
use super::month::touches;
use super::query::CalendarQuery;
use super::range::View;
use crate::models::calendar::CalendarData;
use leptos::prelude::*;

/// The query's day, page `query.page`.
#[component]
pub fn DayView(data: CalendarData, query: CalendarQuery) -> impl IntoView {
    let zone = data.zone;
    let marks = data.marks.clone();
    let Some(day) = data.days.into_iter().next() else {
        return ().into_any();
    };
    let per_page = i64::from(View::Day.per_day());
    let first = i64::from(query.page) * per_page;
    let shown = day.touches.len() as i64;
    let page_href = |page: u32| {
        CalendarQuery {
            page,
            ..query.clone()
        }
        .href()
    };
    let earlier = (query.page > 0).then(|| page_href(query.page - 1));
    let later = (first + shown < day.total).then(|| page_href(query.page + 1));
    let summary = if shown == 0 {
        "No touches match on this day.".to_owned()
    } else {
        format!(
            "{}: showing {} to {}.",
            touches(day.total),
            first + 1,
            first + shown
        )
    };
    view! {
        <DayMarks marks />
        <p class="mb-2 mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="day-summary">{summary}</p>
        <ul class="space-y-1">
            {day.touches.into_iter().map(|t| view! { <li><TouchChip touch=t zone compact=false /></li> }).collect_view()}
        </ul>
        <nav aria-label="Pages of this day" class="mt-3 flex gap-4 text-sm">
            {earlier.map(|href| view! { <a href=href class="underline">"← Earlier touches"</a> })}
            {later.map(|href| view! { <a href=href class="underline">"Later touches →"</a> })}
        </nav>
    }
    .into_any()
}
