//! Server function: the signed-in user's live feeds.

use super::FeedView;
use crate::error::AppError;
use leptos::prelude::*;

/// The caller's live feeds, newest first (never their tokens).
#[server(prefix = "/api", endpoint = "my_feeds")]
pub async fn my_feeds() -> Result<Vec<FeedView>, AppError> {
    let (state, user) = crate::auth::require::signed_in().await?;
    let rows = crate::store::feeds::list(&state.pool, user.id)
        .await
        .map_err(|e| e.log_as_internal())?;
    Ok(rows
        .into_iter()
        .map(|f| FeedView {
            id: f.id,
            label: f.label,
            created_at: f.created_at,
            last_used_at: f.last_used_at,
        })
        .collect())
}
