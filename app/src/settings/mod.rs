//! Settings (admins): the contact rules, teams and users, API tokens; and every user's own
//! profile (their time zone and calendar feeds).

pub mod blackouts;
#[cfg(feature = "ssr")]
pub mod entry;
pub mod feeds;
pub mod overview;
pub mod packs;
pub mod page;
pub mod people;
pub mod profile;
pub mod rules;
pub mod senders;
pub mod suppression;
pub mod tokens;

use crate::error::AppError;

/// A refusal as the settings forms show it.
pub fn error_text(error: &AppError) -> String {
    match error {
        AppError::Validation(m) | AppError::Conflict(m) | AppError::NotFound(m) => m.clone(),
        other => other.to_string(),
    }
}

/// A label above its input.
pub const LABEL: &str = "block text-sm font-medium";
/// A full-width input.
pub const INPUT: &str = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-950";
/// The primary button.
pub const BUTTON: &str =
    "rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800";
/// A small secondary button.
pub const SMALL_BUTTON: &str = "rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
/// A destructive button.
pub const DANGER: &str = "rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800";
