//! A day's touches in the hour grid's rows (see `hours`): each row says its hour and holds the
//! touches that go out then, and is a place to drop a dragged touch (it moves to that hour,
//! keeping its minutes; see `drag`). On a phone only the rows with touches are shown.

use super::chip::TouchChip;
use super::hours::Slot;
use crate::domain::TimeZone;
use crate::models::calendar::CalendarTouch;
use leptos::prelude::*;

/// How the rows are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A column of the week: on a laptop the rows line up with the week's hour labels.
    Week,
    /// The day view: each row with its label beside its touches.
    Day,
}

/// `touches` (in time order) in their rows, as siblings (the week's columns are a subgrid).
#[component]
pub fn HourSlots(touches: Vec<CalendarTouch>, zone: TimeZone, layout: Layout) -> impl IntoView {
    let mut rows: Vec<(Slot, Vec<CalendarTouch>)> =
        Slot::all().into_iter().map(|s| (s, Vec::new())).collect();
    for touch in touches {
        let slot = Slot::of(zone.local(touch.scheduled_at).time());
        if let Some((_, row)) = rows.iter_mut().find(|(s, _)| *s == slot) {
            row.push(touch);
        }
    }
    rows.into_iter()
        .map(|(slot, touches)| {
            let empty = touches.is_empty();
            let (row, label, list) = match layout {
                Layout::Week => (WEEK_ROW, WEEK_LABEL, "space-y-1"),
                Layout::Day => (DAY_ROW, DAY_LABEL, "grid gap-1 sm:grid-cols-2 lg:grid-cols-3"),
            };
            let display = match (layout, empty) {
                (Layout::Week, true) => " hidden md:block",
                (Layout::Week, false) => "",
                (Layout::Day, true) => " hidden sm:grid",
                (Layout::Day, false) => " grid",
            };
            let class = format!("{row}{display}");
            let compact = layout == Layout::Week;
            view! {
                <div class=class data-hour=slot.hour() data-slot=slot.label()>
                    <p class=label>{slot.label()}</p>
                    <ul class=list>
                        {touches.into_iter().map(|t| view! { <li><TouchChip touch=t zone compact /></li> }).collect_view()}
                    </ul>
                </div>
            }
        })
        .collect_view()
}

const WEEK_ROW: &str = "min-h-11 border-t border-slate-200 py-0.5 dark:border-slate-700";
/// Shown on a phone, where the days stack; on a laptop the week's label column says it.
const WEEK_LABEL: &str =
    "text-xs font-medium tabular-nums text-slate-600 md:sr-only dark:text-slate-400";
/// On a phone the hour sits above its touches, which keep the whole width.
const DAY_ROW: &str = "min-h-11 gap-1 border-t border-slate-200 py-1 sm:grid-cols-[5.5rem_minmax(0,1fr)] sm:gap-2 dark:border-slate-700";
const DAY_LABEL: &str = "text-xs font-medium tabular-nums text-slate-600 dark:text-slate-400";
