//! The review queue page: touches awaiting review, claim requests, reassignment, and a link to
//! the audit trail.

use super::decide_campaign::DecideCampaign;
use super::decide_request::DecideRequest;
use super::decide_touch::DecideTouch;
use super::forms::{ReviewActions, LINK};
use super::load_queue::load_queue;
use super::pending_filter::PendingFilterForm;
use super::pending_list::PendingList;
use super::reassign_contact::ReassignContact;
use super::reassign_form::ReassignForm;
use super::request_list::RequestList;
use super::tabs::{Tab, Tabs};
use crate::domain::TouchStatus;
use crate::error::AppError;
use crate::models::review_queue::BulkOutcome;
use crate::ui::{error_text, ErrorNote, Notice};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

type Said = Option<Result<String, String>>;

fn said<T>(value: Option<Result<T, AppError>>, ok: impl Fn(T) -> String) -> Said {
    value.map(|r| r.map(ok).map_err(|e| error_text(&e)))
}

fn decided(status: TouchStatus) -> String {
    match status {
        TouchStatus::Approved => "Approved: the touch goes out as planned.".to_owned(),
        TouchStatus::Cancelled => "Rejected: the touch is cancelled.".to_owned(),
        other => format!("The touch is now {}.", other.as_str()),
    }
}

fn decided_together(outcome: BulkOutcome) -> String {
    let mut text = match outcome.decided {
        1 => "Decided 1 touch of the campaign.".to_owned(),
        n => format!("Decided {n} touches of the campaign."),
    };
    if !outcome.refused.is_empty() {
        let listed: Vec<String> = outcome
            .refused
            .iter()
            .map(|(id, why)| format!("touch #{}: {why}", id.0))
            .collect();
        text.push_str(&format!(
            " {} could not be: {}.",
            outcome.refused.len(),
            listed.join("; ")
        ));
    }
    text
}

/// `/review`: what managers decide.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let query = use_query_map();
    let actions = ReviewActions {
        decide: crate::ui::flash::action::<DecideTouch>(),
        request: crate::ui::flash::action::<DecideRequest>(),
        reassign: crate::ui::flash::action::<ReassignContact>(),
        campaign: crate::ui::flash::action::<DecideCampaign>(),
    };
    // What the form post this page came back from did (see `ui::flash`), or its refusal.
    let notice = Signal::derive(move || {
        said(actions.decide.value().get(), decided)
            .or_else(|| {
                said(actions.request.value().get(), |()| {
                    "Claim request decided.".to_owned()
                })
            })
            .or_else(|| said(actions.campaign.value().get(), decided_together))
            .or_else(|| {
                said(actions.reassign.value().get(), |()| {
                    "Reassigned: the contact has its new owner.".to_owned()
                })
            })
    });
    let from = move || {
        query
            .read()
            .get("from")
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    };
    // A bad filter value is refused by `load_queue` and said in place of the queue.
    let filter = move || {
        let q = query.read();
        (q.get("channel"), q.get("campaign"))
    };
    let contact = move || {
        query
            .read()
            .get("contact_id")
            .and_then(|v| v.parse::<i64>().ok())
    };
    let queue = Resource::new(
        move || (from(), filter(), contact()),
        |(from, (channel, campaign), contact)| load_queue(Some(from), channel, campaign, contact),
    );
    let tab = move || {
        let q = query.read();
        Tab::of(q.get_str("tab"), q.get_str("contact_id"))
    };

    view! {
        <Title text="Review" />
        <div class="flex flex-wrap items-baseline justify-between gap-2">
            <h1 class="text-2xl font-semibold">"Review queue"</h1>
            <a class=LINK href="/review/audit">"Audit trail"</a>
        </div>
        <p class="mt-1 text-slate-700 dark:text-slate-300">
            "Approve or reject touches the rules stopped, decide claim requests and reassign contacts. Every decision needs a reason and goes into the audit trail."
        </p>
        <div class="mt-4"><Notice message=notice /></div>
        <Transition fallback=|| view! { <p>"Loading the queue…"</p> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(q) => {
                        let current = tab();
                        let waiting: u64 = q.groups.iter().map(|g| g.count).sum();
                        let tabs = view! { <Tabs current touches=waiting requests=q.requests.len() /> };
                        let heading = if q.filter.is_empty() {
                            format!("Touches awaiting review ({})", q.pending_total)
                        } else {
                            format!("Touches awaiting review ({} of {waiting})", q.pending_total)
                        };
                        let body = match current {
                            Tab::Touches => view! {
                                <section id="pending" aria-labelledby="pending-heading" class="mt-4">
                                    <h2 id="pending-heading" class="text-lg font-semibold">{heading}</h2>
                                    <PendingFilterForm filter=q.filter groups=q.groups.clone() />
                                    <PendingList pending=q.pending total=q.pending_total from=q.pending_from zone=q.zone filter=q.filter totals=q.groups actions />
                                </section>
                            }.into_any(),
                            Tab::Claims => view! {
                                <section id="requests" aria-labelledby="requests-heading" class="mt-4">
                                    <h2 id="requests-heading" class="text-lg font-semibold">{format!("Claim requests ({})", q.requests.len())}</h2>
                                    <RequestList requests=q.requests zone=q.zone actions />
                                </section>
                                <section id="reassign" aria-labelledby="reassign-heading" class="mt-8">
                                    <h2 id="reassign-heading" class="text-lg font-semibold">"Reassign a contact"</h2>
                                    <p class="mb-2 text-sm text-slate-700 dark:text-slate-300">"Ends the current claim and gives the contact to someone else."</p>
                                    <ReassignForm assignees=q.assignees contact=q.reassigning actions />
                                </section>
                            }.into_any(),
                        };
                        view! { {tabs} {body} }.into_any()
                    }
                    Err(error) => view! { <div class="mt-6"><ErrorNote error /></div> }.into_any(),
                }
            })}
        </Transition>
    }
}
