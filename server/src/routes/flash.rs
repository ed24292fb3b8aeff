//! Hands a page the outcome of the form post that came back to it: taken out of the session
//! (shown once) and put in the page request, where the page's server actions find it.

use axum::{extract::Request, http::Method, middleware::Next, response::Response};
use tower_sessions::Session;

/// The middleware: for page requests, moves a kept outcome from the session into the request.
pub async fn hand_over(session: Session, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let is_page = *request.method() == Method::GET
        && !["/api/", "/pkg/", "/auth/", "/calendar/"]
            .iter()
            .any(|p| path.starts_with(p));
    if is_page {
        if let Some(outcome) = app::ui::flash::take(&session).await {
            request.extensions_mut().insert(outcome);
        }
    }
    next.run(request).await
}
