//! Server function: make a calendar feed URL for the signed-in user (shown once).

use super::IssuedFeed;
use crate::error::AppError;
use leptos::prelude::*;

/// Makes a feed labelled `label` for the caller; answers it with its URL.
#[server(prefix = "/api", endpoint = "create_feed")]
pub async fn create_feed(label: String) -> Result<IssuedFeed, AppError> {
    let (state, user) = crate::auth::require::signed_in().await?;
    let host = use_context::<axum::http::request::Parts>().and_then(|parts| {
        parts
            .headers
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_owned)
    });
    let origin = super::issue::origin(&state, host.as_deref());
    let label = Some(label.as_str()).filter(|l| !l.trim().is_empty());
    let issued = super::issue::issue(&state, user.id, label, &origin, chrono::Utc::now()).await;
    crate::ui::flash::kept::<CreateFeed>(issued).await
}
