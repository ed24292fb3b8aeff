//! Shared looks and the page's actions for the review forms.

use super::decide_campaign::DecideCampaign;
use super::decide_request::DecideRequest;
use super::decide_touch::DecideTouch;
use super::reassign_contact::ReassignContact;
use leptos::prelude::*;

/// The review page's actions, shared by every card.
#[derive(Clone, Copy)]
pub struct ReviewActions {
    /// Approves or rejects a touch.
    pub decide: ServerAction<DecideTouch>,
    /// Grants or declines a claim request.
    pub request: ServerAction<DecideRequest>,
    /// Reassigns a contact.
    pub reassign: ServerAction<ReassignContact>,
    /// Approves or rejects a campaign's touches together.
    pub campaign: ServerAction<DecideCampaign>,
}

/// A link in running text.
pub const LINK: &str =
    "font-medium text-indigo-800 underline hover:no-underline dark:text-indigo-300";
/// A card.
pub const CARD: &str =
    "rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900";
