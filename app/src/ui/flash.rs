//! What a plain form post did, for the page it goes back to. A server function answers a form
//! post with a redirect back to the page (an error rides in the address); its outcome waits in
//! the session, the server's page middleware takes it out for the next page, and that page's
//! [`action`] starts with it, so the page says "Claimed", "Saved" or "Approved" exactly as it
//! would after a call from the browser. Shown once.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// A form post's outcome: which server function (its path) and its answer, as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The server function's path.
    pub from: String,
    /// Its answer.
    pub json: String,
}

#[cfg(feature = "ssr")]
const KEY: &str = "flash.outcome";

/// The header of a request for a part of a page read again (the calendar grid after a move):
/// such a read is not the page a kept outcome waits for.
pub const PART_HEADER: &str = "x-concord-part";

/// Whether a request asks for HTML: a page, or a plain form post (the browser's own, or one
/// sent as the browser would, see `ui::enhance`).
#[cfg(feature = "ssr")]
pub fn asks_for_html(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// `answer`, after keeping it for the page the form post goes back to when it is a success of
/// a plain form post (a call from the browser's script gets its answer directly).
#[cfg(feature = "ssr")]
pub async fn kept<S: ServerFn>(answer: Result<S::Output, S::Error>) -> Result<S::Output, S::Error>
where
    S::Output: Serialize,
{
    let plain = leptos_axum::extract::<axum::http::HeaderMap>()
        .await
        .is_ok_and(|headers| asks_for_html(&headers));
    let json = answer.as_ref().ok().map(serde_json::to_string);
    if let (true, Some(Ok(json))) = (plain, json) {
        if let Ok(session) = leptos_axum::extract::<tower_sessions::Session>().await {
            let from = S::PATH.to_owned();
            if let Err(e) = session.insert(KEY, Outcome { from, json }).await {
                tracing::warn!(error = %e, "cannot keep a form post's outcome");
            }
        }
    }
    answer
}

/// Takes the kept outcome out of `session` (the server's page middleware does, once a page).
/// Reads first: removing marks the session changed, and a page without an outcome must not
/// write the session.
#[cfg(feature = "ssr")]
pub async fn take(session: &tower_sessions::Session) -> Option<Outcome> {
    session.get::<Outcome>(KEY).await.ok().flatten()?;
    session.remove::<Outcome>(KEY).await.ok().flatten()
}

/// A server action for `S` that starts with the outcome of `S`'s form post, if the page came
/// back from one (an error comes from the address, as Leptos reads it).
pub fn action<S>() -> ServerAction<S>
where
    S: ServerFn + Send + Sync + Clone + 'static,
    S::Output: DeserializeOwned + Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    let action = ServerAction::<S>::new();
    #[cfg(feature = "ssr")]
    if let Some(answer) = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Outcome>().cloned())
        .filter(|outcome| outcome.from == S::PATH)
        .and_then(|outcome| serde_json::from_str::<S::Output>(&outcome.json).ok())
    {
        action.value().set(Some(Ok(answer)));
    }
    action
}
