//! Touches awaiting review, grouped: one-off touches, then one group per campaign.

use super::bulk_form::BulkForm;
use super::forms::ReviewActions;
use super::load_queue::PENDING_SHOWN;
use super::pending_card::PendingCard;
use crate::domain::TimeZone;
use crate::models::review_queue::{PendingFilter, PendingGroup, PendingTouch};
use leptos::prelude::*;

type Group = (
    Option<(crate::domain::ids::CampaignId, String)>,
    Vec<PendingTouch>,
);

/// Consecutive touches of one campaign (or of none), in the order the queue lists them.
fn groups(pending: Vec<PendingTouch>) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for touch in pending {
        let key = touch.campaign.clone();
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
    /// The place in the queue of the first one listed (0-based).
    from: u32,
    zone: TimeZone,
    /// What the list shows (kept in the paging links).
    filter: PendingFilter,
    /// Every campaign with touches awaiting review, with how many.
    totals: Vec<PendingGroup>,
    actions: ReviewActions,
) -> impl IntoView {
    if pending.is_empty() {
        let text = if filter.is_empty() {
            "Nothing awaits review."
        } else {
            "No touch awaiting review matches the filter."
        };
        return view! {
            <p class="mt-3 rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
                {text}
            </p>
        }
        .into_any();
    }
    let kept = filter.query();
    let shown = pending.len() as u64;
    let first = u64::from(from);
    let page = u64::from(PENDING_SHOWN);
    let previous =
        (first > 0).then(|| format!("/review?from={}{kept}#pending", first.saturating_sub(page)));
    let next =
        (first + shown < total).then(|| format!("/review?from={}{kept}#pending", first + shown));
    let paged = previous.is_some() || next.is_some();
    view! {
        {paged.then(|| view! {
            <p class="mt-1 text-sm" data-testid="pending-range">
                {format!("Showing {}–{} of {total}, one-off touches first, then by campaign.", first + 1, first + shown)}
            </p>
        })}
        {groups(pending).into_iter().map(|(campaign, touches)| {
            let count = touches.len();
            let all = totals
                .iter()
                .find(|g| g.campaign.as_ref().map(|c| c.0) == campaign.as_ref().map(|c| c.0))
                .map_or(count as u64, |g| g.count);
            let shown = if all > count as u64 { format!("({count} of {all} here)") } else { format!("({count})") };
            let (title, bulk) = match campaign {
                Some((id, title)) => (
                    format!("Campaign “{title}” (#{id})"),
                    Some(view! { <BulkForm campaign=id title count=all actions /> }),
                ),
                None => ("One-off touches".to_owned(), None),
            };
            view! {
                <h3 class="mt-4 font-medium">{title} " " <span class="text-sm font-normal text-slate-600 dark:text-slate-400">{shown}</span></h3>
                {bulk}
                <ul class="mt-2 space-y-3">
                    {touches.into_iter().map(|touch| view! { <PendingCard touch zone actions /> }).collect_view()}
                </ul>
            }
        }).collect_view()}
        {paged.then(|| view! {
            <nav aria-label="Pages of the review queue" class="mt-3 flex gap-4 text-sm">
                {previous.map(|href| view! { <a class="underline" href=href>{format!("← Previous {page}")}</a> })}
                {next.map(|href| view! { <a class="underline" href=href>{format!("Next {} →", page.min(total - first - shown))}</a> })}
            </nav>
        })}
    }
    .into_any()
}
