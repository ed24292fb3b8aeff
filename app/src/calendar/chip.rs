//! One touch on the calendar: time, channel, title, team, status and a conflict badge, as a
//! link to the touch's page; draggable once the page is hydrated.

use super::drag::{DragContext, Dragged};
use super::model::CalendarTouch;
use crate::domain::TimeZone;
use crate::ui::{local_time, ChannelBadge, StatusBadge};
use leptos::prelude::*;

/// A touch in a day cell or list. `compact` drops the contact's name (month and week);
/// `roving` takes it out of the tab order once hydrated (the month grid moves focus by
/// arrow keys between days instead).
#[component]
pub fn TouchChip(
    touch: CalendarTouch,
    zone: TimeZone,
    compact: bool,
    #[prop(optional)] roving: bool,
) -> impl IntoView {
    let drag = use_context::<DragContext>();
    let time = local_time(touch.scheduled_at, zone);
    let date = zone.local(touch.scheduled_at).date();
    let dragged = Dragged {
        id: touch.id,
        version: touch.version,
        time: time.clone(),
        from: date,
        title: touch.title.clone(),
    };
    let id = touch.id;
    let moving = move || drag.is_some_and(|d| d.is_moving(id));
    let hydrated = move || drag.is_some_and(|d| d.hydrated.get());
    let on_drag = move |ev: leptos::ev::DragEvent| {
        if let Some(d) = drag {
            d.start(&ev, dragged.clone());
        }
    };
    let conflicts = touch.conflicts;
    view! {
        <a
            href=format!("/calendar/touches/{}", touch.id.0)
            class=move || format!("{CHIP} {}", if moving() { "opacity-50" } else { "" })
            draggable=move || if hydrated() { "true" } else { "false" }
            tabindex=move || (roving && hydrated()).then_some("-1")
            on:dragstart=on_drag
            data-touch=touch.id.0
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
