//! Touches awaiting review, grouped: one-off touches, then one group per campaign.

use super::forms::ReviewActions;
use super::pending_card::PendingCard;
use crate::domain::TimeZone;
use crate::models::review_queue::PendingTouch;
use leptos::prelude::*;

/// Consecutive touches of one campaign (or of none), in the order the queue lists them.
fn groups(pending: Vec<PendingTouch>) -> Vec<(Option<String>, Vec<PendingTouch>)> {
    let mut out: Vec<(Option<String>, Vec<PendingTouch>)> = Vec::new();
    for touch in pending {
        let key = touch
            .campaign
            .as_ref()
            .map(|(id, title)| format!("Campaign “{title}” (#{id})"));
        match out.last_mut() {
            Some((k, list)) if *k == key => list.push(touch),
            _ => out.push((key, vec![touch])),
        }
    }
    out
}

/// The pending section's body.
#[component]
pub fn PendingList(
    pending: Vec<PendingTouch>,
    total: u64,
    zone: TimeZone,
    actions: ReviewActions,
) -> impl IntoView {
    if pending.is_empty() {
        return view! {
            <p class="mt-3 rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
                "Nothing awaits review."
            </p>
        }
        .into_any();
    }
    let shown = pending.len() as u64;
    view! {
        {groups(pending).into_iter().map(|(campaign, touches)| {
            let title = campaign.unwrap_or_else(|| "One-off touches".to_owned());
            let count = touches.len();
            view! {
                <h3 class="mt-4 font-medium">{title} " " <span class="text-sm font-normal text-slate-600 dark:text-slate-400">{format!("({count})")}</span></h3>
                <ul class="mt-2 space-y-3">
                    {touches.into_iter().map(|touch| view! { <PendingCard touch zone actions /> }).collect_view()}
                </ul>
            }
        }).collect_view()}
        {(total > shown).then(|| view! {
            <p class="mt-2 text-sm">{format!("{} more await review; decide these first.", total - shown)}</p>
        })}
    }
    .into_any()
}
