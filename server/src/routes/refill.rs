//! Keeps what a refused plain form post sent, for the page it goes back to (see
//! `app::ui::refill`): a url-encoded post to a server function, asking for HTML, that the
//! function answers with its redirect carrying `__err`.

use app::ui::{flash, refill::Refused};
use axum::{
    body::Body,
    extract::Request,
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

/// The most a form post may carry (axum's own default for a form).
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

/// The middleware.
pub async fn keep(session: Session, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let plain = *request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && form
        && flash::asks_for_html(headers);
    if !plain {
        return next.run(request).await;
    }
    let action = request.uri().path().to_owned();
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM_BYTES).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "The form is too large.").into_response();
    };
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes.clone())))
        .await;
    let refused = response.status().is_redirection()
        && response
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.contains("__err="));
    if refused {
        let kept = Refused::from_body(&action, &bytes);
        if let Err(e) = session.insert(app::ui::refill::KEY, kept).await {
            tracing::warn!(error = %e, "cannot keep a refused form's fields");
        }
    }
    response
}
