//! Server function: revoke one of the signed-in user's feeds (after the page asked to confirm).

use crate::error::AppError;
use leptos::prelude::*;

/// Revokes the caller's feed `id`: calendars subscribed to it get nothing from now on.
#[server(prefix = "/api", endpoint = "revoke_feed")]
pub async fn revoke_feed(id: i64) -> Result<(), AppError> {
    let (state, user) = crate::auth::require::signed_in().await?;
    let revoked = crate::store::feeds::revoke(&state.pool, user.id, id, chrono::Utc::now())
        .await
        .map_err(|e| e.log_as_internal())?;
    if !revoked {
        return Err(AppError::NotFound(format!("you have no live feed {id}")));
    }
    crate::ui::flash::kept::<RevokeFeed>(Ok(())).await
}
