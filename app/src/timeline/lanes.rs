//! The lanes: one row per channel and one for inbound interactions, every item placed on one
//! shared time axis, with today marked. Each marker links to its entry in the list below.

use super::range::position;
use super::TimelineView;
use crate::domain::{Channel, TouchStatus};
use crate::ui::badges::channel_classes;
use crate::ui::local_datetime;
use crate::ui::ChannelIcon;
use chrono::TimeDelta;
use leptos::prelude::*;

/// The lanes of a timeline.
#[component]
pub fn Lanes(view: TimelineView) -> impl IntoView {
    let (from, to, zone) = (view.from, view.to, view.viewer_zone);
    let now_at = position(view.now, from, to);
    let ticks = (0..8)
        .map(|week| {
            let at = from + TimeDelta::weeks(week);
            let phone = if week % 2 == 1 { "hidden sm:inline" } else { "" };
            view! {
                <span class=format!("absolute text-xs text-slate-600 dark:text-slate-400 {phone}") style=format!("left: {:.2}%", position(at, from, to))>
                    {zone.local(at).format("%-d %b").to_string()}
                </span>
            }
        })
        .collect_view();
    let lanes = Channel::ALL
        .iter()
        .copied()
        .map(|channel| {
            let markers = view
                .timeline
                .touches
                .iter()
                .filter(|t| t.channel == channel)
                .map(|t| {
                    let label = format!(
                        "{}, {}, {}, {}",
                        channel.noun(),
                        local_datetime(t.scheduled_at, zone),
                        t.title,
                        t.status.as_str().replace('_', " ")
                    );
                    let ring = match t.status {
                        TouchStatus::PendingReview => " ring-2 ring-red-600",
                        TouchStatus::Cancelled | TouchStatus::Failed => " border-dashed",
                        _ => "",
                    };
                    view! {
                        <a
                            href=format!("#touch-{}", t.id.0)
                            aria-label=label.clone()
                            title=label
                            class=format!("absolute top-1.5 -translate-x-1/2 rounded border p-0.5 {}{ring}", channel_classes(channel))
                            style=format!("left: {:.2}%", position(t.scheduled_at, from, to))
                        >
                            <ChannelIcon channel />
                        </a>
                    }
                })
                .collect_view()
                .into_any();
            view! { <Lane label=channel.noun().to_owned() now_at markers /> }
        })
        .collect_view();
    let inbound = view
        .timeline
        .interactions
        .iter()
        .map(|i| {
            let label = format!("{} by {}, {}", i.kind.as_str().replace('_', " "), i.channel.noun(), local_datetime(i.at, zone));
            view! {
                <a
                    href=format!("#interaction-{}", i.id.0)
                    aria-label=label.clone()
                    title=label
                    class="absolute top-1 -translate-x-1/2 rounded border border-slate-400 bg-white px-1 text-xs leading-5 text-slate-900 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100"
                    style=format!("left: {:.2}%", position(i.at, from, to))
                >
                    <span aria-hidden="true">"↩"</span>
                </a>
            }
        })
        .collect_view()
        .into_any();
    view! {
        <section aria-labelledby="lanes-heading" class="mt-6">
            <h2 id="lanes-heading" class="text-lg font-semibold">"Touches by channel"</h2>
            <div class="mt-2 space-y-1">
                <div class="flex gap-2">
                    <div class="w-16 shrink-0"></div>
                    <div class="relative h-5 flex-1 overflow-hidden">{ticks}</div>
                </div>
                {lanes}
                <Lane label="inbound".to_owned() now_at markers=inbound />
            </div>
        </section>
    }
}

/// One lane: its name and a strip the markers sit on, with today's line.
#[component]
fn Lane(label: String, now_at: f64, markers: AnyView) -> impl IntoView {
    view! {
        <div class="flex items-center gap-2">
            <div class="w-16 shrink-0 text-xs font-medium">{label}</div>
            <div class="relative h-8 flex-1 rounded bg-slate-100 dark:bg-slate-900">
                <div class="absolute inset-y-0 w-0.5 bg-red-600" style=format!("left: {now_at:.2}%") aria-hidden="true"></div>
                {markers}
            </div>
        </div>
    }
}
