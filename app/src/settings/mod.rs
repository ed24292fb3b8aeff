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
