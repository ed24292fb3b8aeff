//! The week view: Monday to Sunday side by side (stacked on a phone), each day with its
//! campaigns as one item each, its first other touches and "+N more"; touches can be dropped on another day (see `grid`).

use super::campaign_item::CampaignItem;
use super::chip::TouchChip;
use super::marks::DayMarks;
use super::month::touches;
use super::query::CalendarQuery;
use super::range::View;
use crate::models::calendar::CalendarData;
use leptos::prelude::*;

/// The week of the query's date.
#[component]
pub fn WeekView(data: CalendarData, query: CalendarQuery) -> impl IntoView {
    let zone = data.zone;
    let today = data.today;
    let marks = data.marks.clone();
    view! {
        <ol class="grid gap-2 md:grid-cols-7" aria-label="Days of the week">
            {data.days.into_iter().map(|day| {
                let href = query.at(View::Day, day.date).href();
                let more = day.more();
                let day_marks: Vec<_> = marks.iter().filter(|m| m.date == day.date).cloned().collect();
                view! {
                    <li
                        class="min-w-0 rounded-lg border border-slate-300 bg-white p-2 dark:border-slate-700 dark:bg-slate-900"
                        data-date=day.date.to_string()
                    >
                        <h2 class="text-sm font-semibold">
                            <a href=href.clone() class="hover:underline" aria-current=(day.date == today).then_some("date")>
                                {day.date.format("%a %-d %b").to_string()}
                            </a>
                        </h2>
                        <p class="text-xs text-slate-600 dark:text-slate-400">{touches(day.total)}</p>
                        <DayMarks marks=day_marks />
                        <div class="mt-2 space-y-1">
                            {day.campaigns.into_iter().map(|campaign| view! { <CampaignItem campaign query=query.clone() date=day.date /> }).collect_view()}
                            {day.touches.into_iter().map(|t| view! { <TouchChip touch=t zone compact=true /> }).collect_view()}
                            {(more > 0).then(|| view! {
                                <a href=href class="block text-xs font-medium text-indigo-800 underline dark:text-indigo-300">
                                    {format!("+{more} more")}
                                </a>
                            })}
                        </div>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
