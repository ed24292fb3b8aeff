//! Who the contact is: stage, zone and local time, reach and consent, owner and claim (with
//! the viewer's claim actions), alerts.

use super::TimelineView;
use crate::domain::Channel;
use crate::leads::row_actions::{ClaimActions, RowActions};
use crate::ui::{local_date, local_time};
use leptos::prelude::*;

/// The head of the timeline page.
#[component]
pub fn ContactCard(view: TimelineView, actions: RowActions) -> impl IntoView {
    let contact = view.timeline.contact.clone();
    let zone = view.viewer_zone;
    let their_time = local_time(view.now, contact.timezone);
    let owner = match &contact.owner {
        Some(owner) => format!(
            "Owned by {} until {}",
            owner.name,
            local_date(owner.expires_at, zone)
        ),
        None => "Unowned: any rep may claim this contact".to_owned(),
    };
    let consent = Channel::ALL
        .iter()
        .copied()
        .map(|channel| {
            let ok = contact.consent.allows(channel) && !contact.do_not_contact;
            view! {
                <li class="rounded border border-slate-300 px-2 dark:border-slate-700">
                    {channel.noun()} ": " <strong>{if ok { "yes" } else { "no" }}</strong>
                </li>
            }
        })
        .collect_view();
    let alerts = view.timeline.alerts.clone();
    let place = contact.jurisdiction().describe();
    view! {
        <section aria-labelledby="contact-name" class="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <div class="flex flex-wrap items-baseline justify-between gap-2">
                <h1 id="contact-name" class="text-2xl font-semibold">{contact.name.clone()}</h1>
                <a class="text-sm underline" href=format!("/contacts/{}/edit", contact.id.0)>"Edit contact"</a>
            </div>
            <p class="mt-1 text-sm text-slate-700 dark:text-slate-300">
                <span class="font-medium">{contact.stage.as_str()}</span>
                " · " {contact.timezone.name()} " (their time now " {their_time} ")"
                {contact.email.as_ref().map(|e| format!(" · {}", e.as_str()))}
                {contact.phone.as_ref().map(|p| format!(" · {}", p.as_str()))}
            </p>
            <div class="mt-1 flex flex-wrap items-center gap-3" data-testid="claim-actions">
                <p class="text-sm" data-testid="owner">{owner}</p>
                <ClaimActions
                    contact=contact.id
                    name=contact.name.clone()
                    owner=contact.owner.as_ref().map(|o| o.user_id)
                    requested=view.requested
                    viewer=view.viewer.clone()
                    actions
                />
            </div>
            <p class="mt-1 text-sm" data-testid="jurisdiction">"Jurisdiction: " {place}</p>
            {contact.do_not_contact.then(|| view! {
                <p class="mt-2 font-medium text-red-800 dark:text-red-300">"Do not contact: every touch is blocked."</p>
            })}
            <ul class="mt-2 flex flex-wrap gap-2 text-xs" aria-label="Consent">{consent}</ul>
            {(!alerts.is_empty()).then(|| view! {
                <ul class="mt-3 space-y-1" aria-label="Alerts">
                    {alerts.into_iter().map(|a| view! {
                        <li class="rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-1 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
                            <strong>{a.alert.as_str().replace('_', " ")}</strong> ": " {a.message}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
