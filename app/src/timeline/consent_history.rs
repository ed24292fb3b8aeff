//! The contact's consent: each topic's state now, and the history of changes with their
//! evidence (how, the wording shown, who, when — in the viewer's zone), newest first.

use super::TimelineView;
use crate::domain::policy::format_instant;
use crate::records::ConsentEntry;
use leptos::prelude::*;

/// The consent section of a timeline.
#[component]
pub fn ConsentHistory(view: TimelineView) -> impl IntoView {
    let zone = view.viewer_zone;
    let topics = view.timeline.contact.consent_topics.clone();
    let names = view.topics.clone();
    let topic_name = move |id: &str| {
        names
            .iter()
            .find(|(t, _)| t == id)
            .map_or_else(|| id.to_owned(), |(_, name)| name.clone())
    };
    let now: Vec<String> = topics
        .iter()
        .map(|(topic, state)| format!("{}: {}", topic_name(topic), state_words(state.as_str())))
        .collect();
    let entries = view.timeline.consent_history.clone();
    let rows = entries
        .into_iter()
        .map(|entry| {
            let what = match (&entry.topic, &entry.channel) {
                (Some(topic), _) => topic_name(topic),
                (None, Some(channel)) => format!("{channel} (channel)"),
                (None, None) => "—".to_owned(),
            };
            view! { <Entry entry what zone /> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="consent-heading" class="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid="consent-history">
            <h2 id="consent-heading" class="text-lg font-semibold">"Consent"</h2>
            <p class="mt-1 text-sm">
                {if now.is_empty() { "No consent recorded by topic.".to_owned() } else { now.join(" · ") }}
            </p>
            {if view.timeline.consent_history.is_empty() {
                view! { <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">"No consent changes recorded yet."</p> }.into_any()
            } else {
                view! { <ol class="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">{rows}</ol> }.into_any()
            }}
        </section>
    }
}

/// One record.
#[component]
fn Entry(entry: ConsentEntry, what: String, zone: crate::domain::TimeZone) -> impl IntoView {
    let basis = match entry.basis.as_str() {
        "ebr_purchase" => "existing relationship (purchase)",
        "ebr_inquiry" => "existing relationship (inquiry)",
        _ => "consent",
    };
    let until = entry
        .until
        .map(|u| format!(", lapses {}", format_instant(u, zone)));
    let by = entry
        .recorded_by
        .clone()
        .unwrap_or_else(|| "the contact or a provider".to_owned());
    view! {
        <li class="py-2" data-consent-topic=entry.topic.clone().unwrap_or_default()>
            <p>
                <span class="font-medium">{what}</span> ": " {state_words(&entry.state)}
                <span class="text-slate-700 dark:text-slate-300">{format!(" — {basis}{}", until.unwrap_or_default())}</span>
            </p>
            <p class="text-xs text-slate-600 dark:text-slate-400">
                {format!("{} · by {} via {}", format_instant(entry.recorded_at, zone), by, entry.method)}
                {entry.wording.map(|w| format!(" · shown: {w}"))}
            </p>
        </li>
    }
}

/// `opted in`, `not set`, `opted out`.
fn state_words(state: &str) -> String {
    state.replace('_', " ")
}
