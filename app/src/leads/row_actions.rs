//! What a board row offers its viewer: claim an unowned contact, release their own (after a
//! confirmation), request a claim on someone else's, reassign (managers), plan the reply.

use super::claim_lead::{ClaimLead, ClaimOutcome};
use super::release_lead::ReleaseLead;
use crate::domain::ids::{ContactId, UserId};
use crate::domain::{Action, TimeZone};
use crate::error::AppError;
use crate::models::leads::{LeadRow, Viewer};
use crate::ui::{error_text, local_datetime, Button, Look};
use leptos::prelude::*;

/// The page's claim and release actions, shared by every row.
#[derive(Clone, Copy)]
pub struct RowActions {
    /// Claims (or requests) a contact.
    pub claim: ServerAction<ClaimLead>,
    /// Releases a claim.
    pub release: ServerAction<ReleaseLead>,
}

impl Default for RowActions {
    fn default() -> Self {
        RowActions::new()
    }
}

impl RowActions {
    /// The actions, each starting with the outcome of its form post if the page came back
    /// from one (see `ui::flash`).
    pub fn new() -> RowActions {
        RowActions {
            claim: crate::ui::flash::action::<ClaimLead>(),
            release: crate::ui::flash::action::<ReleaseLead>(),
        }
    }

    /// How the last claim or release went, for a [`Notice`](crate::ui::Notice): a claim's end
    /// in the zone `zone` gives (when it gives one).
    pub fn message(
        self,
        zone: impl Fn() -> Option<TimeZone> + Send + Sync + 'static,
    ) -> Signal<Option<Result<String, String>>> {
        let claimed = move |r: Result<ClaimOutcome, AppError>| match r {
            Ok(ClaimOutcome::Claimed { expires_at, .. }) => Ok(match zone() {
                Some(zone) => format!(
                    "Claimed: the contact is yours until {}.",
                    local_datetime(expires_at, zone)
                ),
                None => "Claimed: the contact is yours.".to_owned(),
            }),
            Ok(ClaimOutcome::Requested { .. }) => Ok(
                "Someone else owns this contact: your claim request is filed with the managers."
                    .to_owned(),
            ),
            Err(e) => Err(error_text(&e)),
        };
        let released = |r: Result<(), AppError>| match r {
            Ok(()) => Ok("Released: the contact is back on the leads board.".to_owned()),
            Err(e) => Err(error_text(&e)),
        };
        Signal::derive(move || {
            self.claim
                .value()
                .get()
                .map(&claimed)
                .or_else(|| self.release.value().get().map(released))
        })
    }
}

const LINK: &str =
    "text-sm font-medium text-indigo-800 underline hover:no-underline dark:text-indigo-300";

/// The buttons and links for one row.
#[component]
pub fn ActionsFor(row: LeadRow, viewer: Viewer, actions: RowActions) -> impl IntoView {
    let id = row.contact_id.0.to_string();
    let name = row.name.clone();
    let owner = row.owner.as_ref().map(|o| o.user_id);
    let plan = row.last_inbound.is_some().then(|| {
        view! {
            <a class=LINK href=format!("/contacts/{id}#plan")>
                "Plan the reply"<span class="sr-only">{format!(" to {name}")}</span>
            </a>
        }
    });
    view! {
        <div class="flex flex-wrap items-center gap-3">
            <ClaimActions contact=row.contact_id name=row.name owner requested=row.requested viewer actions />
            {plan}
        </div>
    }
}

/// What `viewer` may do about who owns `contact`: claim it when unowned, release it when theirs
/// (after a confirmation), request it when someone else's (or see that they did), and, as a
/// manager, reassign it. Shared by the leads board and the contact page.
#[component]
pub fn ClaimActions(
    contact: ContactId,
    name: String,
    owner: Option<UserId>,
    requested: bool,
    viewer: Viewer,
    actions: RowActions,
) -> impl IntoView {
    let id = contact.0.to_string();
    let may_claim = viewer.role.may(Action::Claim);
    let main = match owner {
        None if may_claim => Some(claim_form(actions, &id, "Claim", format!(" {name}"))),
        Some(o) if o == viewer.id => Some(release_form(actions, &id, &name)),
        Some(_) if requested => Some(
            view! {
                <span class="text-sm text-slate-700 dark:text-slate-300" data-testid="request-filed">
                    "Request filed · with the managers"
                </span>
            }
            .into_any(),
        ),
        Some(_) if may_claim => Some(claim_form(actions, &id, "Request claim", format!(" on {name}"))),
        _ => None,
    };
    let reassign = (owner.is_some() && viewer.role.may(Action::ManageClaims)).then(|| {
        view! {
            <a class=LINK href=format!("/review?contact_id={id}#reassign")>"Reassign"</a>
        }
    });
    view! { {main} {reassign} }
}

/// A claim button: `label` shows; `hidden` (naming the contact) is for screen readers.
fn claim_form(actions: RowActions, id: &str, label: &'static str, hidden: String) -> AnyView {
    let id = id.to_owned();
    view! {
        <ActionForm action=actions.claim>
            <input type="hidden" name="contact_id" value=id />
            <Button small=true>{label}<span class="sr-only">{hidden}</span></Button>
        </ActionForm>
    }
    .into_any()
}

fn release_form(actions: RowActions, id: &str, name: &str) -> AnyView {
    let (id, name) = (id.to_owned(), name.to_owned());
    view! {
        <details class="text-sm">
            <summary class=format!("cursor-pointer list-none {}", Look::Secondary.class(true))>
                "Release"<span class="sr-only">{format!(" {name}")}</span>"…"
            </summary>
            <div class="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
                <p>{format!("Give {name} back to the leads board? Anyone may then claim them.")}</p>
                <ActionForm action=actions.release>
                    <input type="hidden" name="contact_id" value=id />
                    <Button small=true class="mt-2">"Yes, release"</Button>
                </ActionForm>
            </div>
        </details>
    }
    .into_any()
}
