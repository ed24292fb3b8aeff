//! The agenda: the next fourteen days that have matching touches, as a list, each with its
//! campaigns as one item each, its first other touches and "+N more".

use super::campaign_item::CampaignItem;
use super::chip::TouchChip;
use super::marks::DayMarks;
use super::month::touches;
use super::query::CalendarQuery;
use super::range::View;
use crate::models::calendar::CalendarData;
use leptos::prelude::*;

/// Fourteen days from the query's date.
#[component]
pub fn AgendaView(data: CalendarData, query: CalendarQuery) -> impl IntoView {
    let zone = data.zone;
    let marks = data.marks.clone();
    let marked = |d: chrono::NaiveDate| marks.iter().any(|m| m.date == d);
    let days: Vec<_> = data
        .days
        .into_iter()
        .filter(|d| d.total > 0 || marked(d.date))
        .collect();
    if days.is_empty() {
        return view! {
            <p class="rounded-lg border border-dashed border-slate-300 p-6 text-center dark:border-slate-700">
                "No touches match in these two weeks. Change the filters or go to other dates."
            </p>
        }
        .into_any();
    }
    view! {
        <div class="space-y-4">
            {days.into_iter().map(|day| {
                let href = query.at(View::Day, day.date).href();
                let more = day.more();
                let day_marks: Vec<_> = marks.iter().filter(|m| m.date == day.date).cloned().collect();
                view! {
                    <section aria-label=day.date.format("%A %-d %B").to_string()>
                        <h2 class="font-semibold">
                            <a href=href.clone() class="hover:underline">{day.date.format("%A %-d %B").to_string()}</a>
                            <span class="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">{touches(day.total)}</span>
                        </h2>
                        <DayMarks marks=day_marks />
                        <ul class="mt-1 space-y-1">
                            {day.campaigns.into_iter().map(|campaign| view! { <li><CampaignItem campaign query=query.clone() date=day.date /></li> }).collect_view()}
                            {day.touches.into_iter().map(|t| view! { <li><TouchChip touch=t zone compact=false /></li> }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! {
                            <a href=href class="mt-1 inline-block text-sm font-medium text-indigo-800 underline dark:text-indigo-300">
                                {format!("+{more} more")}
                            </a>
                        })}
                    </section>
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}
