//! Keeps what a refused plain form post sent, for the page it goes back to (see
//! `app::ui::refill`). Only for the forms that read it back ([`REFILLED`]), only for a
//! signed-in user, and only a small form (16 KiB, by its `Content-Length`): a url-encoded post asking for HTML that the server
//! function answers with its redirect carrying `__err`. Every other request passes untouched.

use app::contacts::{new_fn::CreateContact, save_fn::SaveContact};
use app::ui::{flash, refill::Refused};
use axum::{
    body::Body,
    extract::Request,
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use leptos::server_fn::ServerFn;
use tower_sessions::Session;

/// The server functions whose forms start with a refused post's fields.
const REFILLED: [&str; 2] = [CreateContact::PATH, SaveContact::PATH];

/// The largest form whose fields are kept (a contact's form is well under it).
const MAX_KEPT_BYTES: usize = 16 * 1024;

/// The middleware.
pub async fn keep(session: Session, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let refilled = *request.method() == Method::POST
        && REFILLED.contains(&request.uri().path())
        && form
        && flash::asks_for_html(headers);
    // A form of a known, small length (a browser always says it); a longer one is passed on
    // untouched, without its fields kept.
    let small = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .is_some_and(|n| n <= MAX_KEPT_BYTES);
    let signed_in = refilled
        && small
        && app::auth::session::read_user_id(&session)
            .await
            .ok()
            .flatten()
            .is_some();
    if !signed_in {
        return next.run(request).await;
    }
    let action = request.uri().path().to_owned();
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_KEPT_BYTES).await else {
        return (StatusCode::BAD_REQUEST, "The form could not be read.").into_response();
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
