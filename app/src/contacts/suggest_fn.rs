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
    if q.trim().chars().count() < 2 {
        return Ok(Vec::new());
    }
    crate::store::contacts::pick::suggest(&state.pool, &q, SUGGESTED, chrono::Utc::now())
        .await
        .map_err(|e| e.log_as_internal())
}
