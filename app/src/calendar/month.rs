//! The month view: a `role="grid"` of whole weeks. Each day shows its campaigns as one item
//! each, its first other touches and "+N more"; on a phone, only the number of touches. With JavaScript, arrow keys move between
//! days and Enter opens one, and touches can be dropped on another day (see `grid`).

use super::campaign_item::CampaignItem;
use super::chip::TouchChip;
use super::grid_keys::cell_id;
use super::marks::DayMarks;
use super::query::CalendarQuery;
use super::range::View;
use crate::models::calendar::{CalendarData, CalendarDay};
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// The month around `date`.
#[component]
pub fn MonthView(data: CalendarData, query: CalendarQuery, date: NaiveDate) -> impl IntoView {
    let start = data
        .days
        .iter()
        .position(|d| d.date == date)
        .or_else(|| data.days.iter().position(|d| d.date == data.today))
        .unwrap_or(0);
    let item_query = query.clone();
    let day_href = move |d: NaiveDate| query.at(View::Day, d).href();
    let month = date.month();
    let marks = data.marks.clone();
    let marks_on = move |d: NaiveDate| {
        marks
            .iter()
            .filter(|m| m.date == d)
            .cloned()
            .collect::<Vec<_>>()
    };
    let weeks: Vec<Vec<(usize, CalendarDay)>> = data
        .days
        .into_iter()
        .enumerate()
        .collect::<Vec<_>>()
        .chunks(7)
        .map(<[_]>::to_vec)
        .collect();
    let zone = data.zone;
    let today = data.today;
    view! {
        <div role="grid" aria-label=View::Month.title(date) class="overflow-hidden rounded-lg border border-slate-300 dark:border-slate-700">
            <div role="row" class="grid grid-cols-7 bg-slate-100 text-center text-xs font-semibold dark:bg-slate-800">
                {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].into_iter().map(|d| view! { <div role="columnheader" class="py-1">{d}</div> }).collect_view()}
            </div>
            {weeks.into_iter().map(|week| view! {
                <div role="row" class="grid grid-cols-7">
                    {week.into_iter().map(|(index, day)| {
                        let href = day_href(day.date);
                        let outside = day.date.month() != month;
                        let more = day.more();
                        let total = day.total;
                        let marks = marks_on(day.date);
                        let closed: Vec<&str> = marks.iter().map(|m| m.text.as_str()).collect();
                        let label = if closed.is_empty() {
                            format!("{}, {}", day.date.format("%A %-d %B"), touches(total))
                        } else {
                            format!("{}, {}, {}", day.date.format("%A %-d %B"), closed.join(", "), touches(total))
                        };
                        let dot = (!marks.is_empty()).then(|| view! { <span class="ml-1 inline-block h-2 w-2 rounded-full bg-red-600 align-middle sm:hidden" aria-hidden="true"></span> });
                        view! {
                            <div
                                role="gridcell"
                                id=cell_id(day.date)
                                data-date=day.date.to_string()
                                data-start=(index == start).then_some("")
                                aria-current=(day.date == today).then_some("date")
                                class=if outside { OUTSIDE } else { INSIDE }
                            >
                                <a href=href.clone() aria-label=label class=if day.date == today { TODAY } else { DAY_NUMBER }>
                                    {day.date.day()}
                                </a>
                                {dot}
                                <div class="hidden sm:block"><DayMarks marks /></div>
                                <span class="mt-1 block text-xs text-slate-700 sm:hidden dark:text-slate-300" aria-hidden="true">
                                    {(total > 0).then(|| total.to_string())}
                                </span>
                                <div class="mt-1 hidden space-y-1 sm:block">
                                    {day.campaigns.into_iter().map(|campaign| view! { <CampaignItem campaign query=item_query.clone() date=day.date /> }).collect_view()}
                                    {day.touches.into_iter().map(|t| view! { <TouchChip touch=t zone compact=true /> }).collect_view()}
                                    {(more > 0).then(|| view! {
                                        <a href=href class="block text-xs font-medium text-indigo-800 underline dark:text-indigo-300">
                                            {format!("+{more} more")}
                                        </a>
                                    })}
                                </div>
                            </div>
                        }
                    }).collect_view()}
                </div>
            }).collect_view()}
        </div>
    }
}

/// "1 touch", "25 touches".
pub fn touches(n: i64) -> String {
    if n == 1 {
        "1 touch".to_owned()
    } else {
        format!("{n} touches")
    }
}

const INSIDE: &str = "min-h-16 min-w-0 border-t border-l border-slate-200 bg-white p-1 first:border-l-0 focus:outline-2 focus:-outline-offset-2 focus:outline-indigo-600 sm:min-h-32 dark:border-slate-800 dark:bg-slate-900";
const OUTSIDE: &str = "min-h-16 min-w-0 border-t border-l border-slate-200 bg-slate-100 p-1 first:border-l-0 focus:outline-2 focus:-outline-offset-2 focus:outline-indigo-600 sm:min-h-32 dark:border-slate-800 dark:bg-slate-950";
const DAY_NUMBER: &str = "inline-block rounded px-1 text-sm font-semibold hover:underline";
const TODAY: &str =
    "inline-block rounded bg-indigo-700 px-1 text-sm font-semibold text-white hover:underline";
