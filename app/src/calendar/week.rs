//! The week view: Monday to Sunday side by side in an hour grid, like a desktop calendar (the
//! days stack on a phone, each showing only its hours with touches). Each day has its campaigns
//! as one item each at the top, its first other touches in their hours and "+N more"; a touch
//! can be dropped on another day or hour (see `grid`).

use super::campaign_item::CampaignItem;
use super::hour_slots::{HourSlots, Layout};
use super::hours::{Slot, ROWS};
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
        <ol class=WEEK aria-label="Days of the week">
            <li aria-hidden="true" class=HOURS>
                <span></span>
                <span></span>
                {Slot::all().into_iter().map(|slot| view! { <span class=HOUR>{slot.label()}</span> }).collect_view()}
                <span></span>
            </li>
            {data.days.into_iter().map(|day| {
                let href = query.at(View::Day, day.date).href();
                let more = day.more();
                let day_marks: Vec<_> = marks.iter().filter(|m| m.date == day.date).cloned().collect();
                view! {
                    <li class=DAY data-date=day.date.to_string()>
                        <h2 class="text-sm font-semibold">
                            <a href=href.clone() class="hover:underline" aria-current=(day.date == today).then_some("date")>
                                {day.date.format("%a %-d %b").to_string()}
                            </a>
                        </h2>
                        <div class="mb-1 space-y-1">
                            <p class="text-xs text-slate-600 dark:text-slate-400">{touches(day.total)}</p>
                            <DayMarks marks=day_marks />
                            {day.campaigns.into_iter().map(|campaign| view! { <CampaignItem campaign query=query.clone() date=day.date /> }).collect_view()}
                        </div>
                        <HourSlots touches=day.touches zone layout=Layout::Week />
                        <p class="pt-1">
                            {(more > 0).then(|| view! {
                                <a href=href class="text-xs font-medium text-indigo-800 underline dark:text-indigo-300">
                                    {format!("+{more} more")}
                                </a>
                            })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// The week's grid: a column of hour labels and seven days. Each column spans every row (a
/// title, the day's summary, the hours and "+N more") as a subgrid, so the hours line up.
const WEEK: &str = "grid gap-2 md:grid-cols-[4.5rem_repeat(7,minmax(0,1fr))] md:gap-x-1 md:gap-y-0";
const HOURS: &str = "hidden md:row-span-19 md:grid md:grid-rows-subgrid";
const HOUR: &str = "border-t border-transparent py-0.5 pr-1 text-right text-xs tabular-nums text-slate-600 dark:text-slate-400";
const DAY: &str = "min-w-0 rounded-lg border border-slate-300 bg-white p-2 md:row-span-19 md:grid md:grid-rows-subgrid dark:border-slate-700 dark:bg-slate-900";

/// A column's rows: its title, its summary, the hours and "+N more" (the classes above say 19).
const _: () = assert!(ROWS + 3 == 19);
