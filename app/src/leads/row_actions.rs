//! What a board row offers its viewer: claim an unowned contact, release their own (after a
//! confirmation), request a claim on someone else's, reassign (managers), plan the reply.

use super::claim_lead::ClaimLead;
use super::release_lead::ReleaseLead;
use crate::domain::Action;
use crate::models::leads::{LeadRow, Viewer};
use leptos::prelude::*;

/// The page's claim and release actions, shared by every row.
#[derive(Clone, Copy)]
pub struct RowActions {
    /// Claims (or requests) a contact.
    pub claim: ServerAction<ClaimLead>,
    /// Releases a claim.
    pub release: ServerAction<ReleaseLead>,
}

const BUTTON: &str = "rounded-md border border-indigo-700 bg-indigo-700 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-800 dark:border-indigo-400 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300";
const QUIET: &str = "rounded-md border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";
const LINK: &str =
    "text-sm font-medium text-indigo-800 underline hover:no-underline dark:text-indigo-300";

/// The buttons and links for one row.
#[component]
pub fn ActionsFor(row: LeadRow, viewer: Viewer, actions: RowActions) -> impl IntoView {
    let id = row.contact_id.0.to_string();
    let name = row.name.clone();
    let may_claim = viewer.role.may(Action::Claim);
    let owner = row.owner.as_ref().map(|o| o.user_id);
    let main = match owner {
        None if may_claim => Some(claim_form(actions, &id, "Claim", format!(" {name}"))),
        Some(o) if o == viewer.id => Some(release_form(actions, &id, &name)),
        Some(_) if row.requested => Some(
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
    let plan = row.last_inbound.is_some().then(|| {
        view! {
            <a class=LINK href=format!("/contacts/{id}#plan")>
                "Plan the reply"<span class="sr-only">{format!(" to {name}")}</span>
            </a>
        }
    });
    view! { <div class="flex flex-wrap items-center gap-3">{main} {reassign} {plan}</div> }
}

/// A claim button: `label` shows; `hidden` (naming the contact) is for screen readers.
fn claim_form(actions: RowActions, id: &str, label: &'static str, hidden: String) -> AnyView {
    let id = id.to_owned();
    view! {
        <ActionForm action=actions.claim>
            <input type="hidden" name="contact_id" value=id />
            <button type="submit" class=BUTTON>{label}<span class="sr-only">{hidden}</span></button>
        </ActionForm>
    }
    .into_any()
}

fn release_form(actions: RowActions, id: &str, name: &str) -> AnyView {
    let (id, name) = (id.to_owned(), name.to_owned());
    view! {
        <details class="text-sm">
            <summary class=format!("cursor-pointer list-none {QUIET}")>
                "Release"<span class="sr-only">{format!(" {name}")}</span>"…"
            </summary>
            <div class="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
                <p>{format!("Give {name} back to the leads board? Anyone may then claim them.")}</p>
                <ActionForm action=actions.release>
                    <input type="hidden" name="contact_id" value=id />
                    <button type="submit" class=format!("mt-2 {BUTTON}")>"Yes, release"</button>
                </ActionForm>
            </div>
        </details>
    }
    .into_any()
}
