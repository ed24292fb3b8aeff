//! The timeline as a list: every touch and interaction in time order, with today marked, each
//! with its channel, status, team, local times and conflicts.

use super::TimelineView;
use crate::records::{InteractionRecord, TouchRecord};
use crate::ui::{local_datetime, local_time, ChannelBadge, StatusBadge};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// One row of the list.
enum Entry<'a> {
    Touch(&'a TouchRecord),
    Interaction(&'a InteractionRecord),
}

impl Entry<'_> {
    fn at(&self) -> DateTime<Utc> {
        match self {
            Entry::Touch(t) => t.scheduled_at,
            Entry::Interaction(i) => i.at,
        }
    }
}

/// Every item of the range, in time order.
#[component]
pub fn Entries(view: TimelineView, highlight: Option<i64>) -> impl IntoView {
    let mut entries: Vec<Entry> = view.timeline.touches.iter().map(Entry::Touch).collect();
    entries.extend(view.timeline.interactions.iter().map(Entry::Interaction));
    entries.sort_by_key(Entry::at);
    let zone = view.viewer_zone;
    let theirs = view.timeline.contact.timezone;
    let split = entries.partition_point(|e| e.at() < view.now);
    let row = |entry: &Entry| {
        match entry {
        Entry::Touch(t) => {
            let conflicts = t.conflicts.iter().map(|c| view! {
                <li><crate::ui::RuleName rule=c.rule /> " (" {c.severity.as_str()} "): " {c.message.clone()}</li>
            }).collect_view();
            let mark = if highlight == Some(t.id.0) { " ring-2 ring-indigo-600" } else { "" };
            view! {
                <li id=format!("touch-{}", t.id.0) class=format!("rounded border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900{mark}")>
                    <div class="flex flex-wrap items-center gap-2 text-sm">
                        <time datetime=t.scheduled_at.to_rfc3339()>{local_datetime(t.scheduled_at, zone)}</time>
                        <span class="text-xs text-slate-600 dark:text-slate-400">"(their " {local_time(t.scheduled_at, theirs)} ")"</span>
                        <ChannelBadge channel=t.channel />
                        <StatusBadge status=t.status />
                        <span class="font-medium">{t.title.clone()}</span>
                    </div>
                    <p class="text-xs text-slate-600 dark:text-slate-400">
                        {view.team_name(t.team_id)} " · " {t.purpose.as_str().replace('_', " ")}
                    </p>
                    {(!t.conflicts.is_empty()).then(|| view! { <ul class="mt-1 list-disc pl-5 text-xs">{conflicts}</ul> })}
                </li>
            }
            .into_any()
        }
        Entry::Interaction(i) => view! {
            <li id=format!("interaction-{}", i.id.0) class="rounded border border-dashed border-slate-400 p-2 text-sm dark:border-slate-600">
                <time datetime=i.at.to_rfc3339()>{local_datetime(i.at, zone)}</time>
                " ↩ " <strong>{i.kind.as_str().replace('_', " ")}</strong> " by " {i.channel.noun()}
            </li>
        }
        .into_any(),
    }
    };
    let past = entries[..split].iter().map(row).collect_view();
    let ahead = entries[split..].iter().map(row).collect_view();
    let empty = entries.is_empty();
    view! {
        <section aria-labelledby="entries-heading" class="mt-6">
            <h2 id="entries-heading" class="text-lg font-semibold">"Past and planned"</h2>
            {empty.then(|| view! { <p class="mt-2 text-sm">"Nothing in these eight weeks."</p> })}
            <ol id="touch-list" class="mt-2 space-y-2">
                {past}
                <li class="flex items-center gap-2 text-xs font-semibold text-red-800 dark:text-red-300" aria-label="Now">
                    <span class="h-0.5 flex-1 bg-red-600"></span> "now" <span class="h-0.5 flex-1 bg-red-600"></span>
                </li>
                {ahead}
            </ol>
        </section>
    }
}
