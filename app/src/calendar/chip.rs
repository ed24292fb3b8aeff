//! One touch on the calendar: time, channel, title, team, status and a conflict badge, as a
//! link to the touch's page. Its `data-` attributes say what a drag moves (see `grid`), which
//! makes it draggable once the page runs its script.

use crate::domain::TimeZone;
use crate::models::calendar::CalendarTouch;
use crate::ui::{local_time, ChannelBadge, StatusBadge};
use leptos::prelude::*;

/// A touch in a day cell or list. `compact` drops the contact's name (month and week).
#[component]
pub fn TouchChip(touch: CalendarTouch, zone: TimeZone, compact: bool) -> impl IntoView {
    let time = local_time(touch.scheduled_at, zone);
    let date = zone.local(touch.scheduled_at).date();
    let conflicts = touch.conflicts;
    // A sent, cancelled or failed touch has nothing left to move: it is never made draggable.
    let done = crate::domain::lifecycle::may_change(touch.status).is_err();
    let (data_time, data_title) = (time.clone(), touch.title.clone());
    view! {
        <a
            href=format!("/calendar/touches/{}", touch.id.0)
            class=CHIP
            draggable="false"
            data-touch=touch.id.0
            data-version=touch.version
            data-time=data_time
            data-from=date.to_string()
            data-title=data_title
            data-final=done.then_some("true")
        >
            <span class="flex flex-wrap items-center gap-1">
                <time datetime=touch.scheduled_at.to_rfc3339() class="font-semibold tabular-nums">{time}</time>
                <ChannelBadge channel=touch.channel />
                <StatusBadge status=touch.status />
                {(conflicts > 0).then(|| view! {
                    <span class="rounded bg-orange-100 px-1 font-medium text-orange-900 dark:bg-orange-950 dark:text-orange-100">
                        <span aria-hidden="true">"⚠ "</span>
                        {if conflicts == 1 { "1 conflict".to_owned() } else { format!("{conflicts} conflicts") }}
                    </span>
                })}
            </span>
            <span class="mt-0.5 block truncate font-medium">{touch.title}</span>
            <span class="block truncate text-slate-600 dark:text-slate-400">
                {touch.team}
                {(!compact).then(|| format!(" · to {}", touch.contact_name))}
            </span>
        </a>
    }
}

const CHIP: &str = "block rounded border border-slate-200 bg-white p-1 text-xs leading-snug hover:border-indigo-500 focus:outline-2 focus:outline-indigo-600 dark:border-slate-700 dark:bg-slate-900";
