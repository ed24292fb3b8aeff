//! Hands a page the outcome of the form post that came back to it, or what a refused one sent:
//! taken out of the session (shown once) and put in the page request, where the page's server
//! actions and fields find them.

use app::ui::{flash, refill};
use axum::{extract::Request, http::Method, middleware::Next, response::Response};
use tower_sessions::Session;

/// The middleware: for a whole page asked for as HTML (not a part of one the browser reads
/// again, nor a file or a server function), moves a kept outcome from the session into the
/// request.
pub async fn hand_over(session: Session, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let wants_page = flash::asks_for_html(headers) && !headers.contains_key(flash::PART_HEADER);
    let path = request.uri().path();
    let is_page = *request.method() == Method::GET
        && wants_page
        && !["/api/", "/pkg/", "/auth/"]
            .iter()
            .any(|p| path.starts_with(p));
    if is_page {
        if let Some(outcome) = flash::take(&session).await {
            request.extensions_mut().insert(outcome);
        }
        if let Some(refused) = take_refused(&session).await {
            request.extensions_mut().insert(refused);
        }
    }
    next.run(request).await
}

/// Takes a refused post's fields out of `session`; reads first, so that a page without them
/// does not write the session.
async fn take_refused(session: &Session) -> Option<refill::Refused> {
    session
        .get::<refill::Refused>(refill::KEY)
        .await
        .ok()
        .flatten()?;
    session
        .remove::<refill::Refused>(refill::KEY)
        .await
        .ok()
        .flatten()
}
