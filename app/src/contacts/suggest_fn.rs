//! Server function: the contacts a picker suggests for what has been typed so far.

use crate::error::AppError;
use crate::models::contact_option::ContactOption;
use leptos::prelude::*;

/// How many suggestions a picker shows.
pub const SUGGESTED: u32 = 8;

/// Up to [`SUGGESTED`] contacts matching `q` (any part of the name, email or phone, or an exact
/// external id), by name; none for fewer than two characters.
#[server(name = SuggestContacts, prefix = "/api", endpoint = "contacts/suggest")]
pub async fn suggest_contacts(q: String) -> Result<Vec<ContactOption>, AppError> {
    let (state, _user) = crate::auth::require::signed_in().await?;
    // Too short to narrow, or longer than anything a contact holds.
    let typed = q.trim().chars().count();
    if !(2..=super::search_parse::MAX_TEXT).contains(&typed) {
        return Ok(Vec::new());
    }
    crate::store::contacts::pick::suggest(&state.pool, &q, SUGGESTED, chrono::Utc::now())
        .await
        .map_err(|e| e.log_as_internal())
}
