//! A short list of the viewer's touches on the start page, each linking to its touch page.

use crate::domain::TimeZone;
use crate::models::workspace::MyTouch;
use crate::ui::{local_datetime, ChannelBadge};
use leptos::prelude::*;

/// The touches, or `empty` when there are none.
#[component]
pub fn TouchList(touches: Vec<MyTouch>, zone: TimeZone, empty: &'static str) -> impl IntoView {
    if touches.is_empty() {
        return view! { <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">{empty}</p> }
            .into_any();
    }
    view! {
        <ul class="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
            {touches.into_iter().map(|t| view! { <TouchLine touch=t zone /> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One touch: when (in the viewer's zone), how, what and to whom.
#[component]
pub fn TouchLine(
    touch: MyTouch,
    zone: TimeZone,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <li class="py-2 text-sm" data-testid="my-touch" data-touch-id=touch.id.0.to_string()>
            <div class="flex flex-wrap items-center gap-x-3 gap-y-1">
                <time datetime=touch.scheduled_at.to_rfc3339()>{local_datetime(touch.scheduled_at, zone)}</time>
                <ChannelBadge channel=touch.channel />
                <a class="font-medium underline" href=format!("/calendar/touches/{}", touch.id.0)>{touch.title.clone()}</a>
                <span>"to " <a class="underline" href=format!("/contacts/{}", touch.contact_id.0)>{touch.contact_name.clone()}</a></span>
            </div>
            {children.map(|c| c())}
        </li>
    }
}
