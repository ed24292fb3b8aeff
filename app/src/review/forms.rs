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

/// A primary button.
pub const PRIMARY: &str = "rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 dark:bg-indigo-400 dark:text-slate-950 dark:hover:bg-indigo-300";
/// A secondary button for the other choice.
pub const SECONDARY: &str = "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";
/// A text field.
pub const FIELD: &str = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950";
/// A link in running text.
pub const LINK: &str =
    "font-medium text-indigo-800 underline hover:no-underline dark:text-indigo-300";
/// A card.
pub const CARD: &str =
    "rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900";
