//! Who is asking, for the plain (non-Leptos) routes behind the pages: the session's user, if
//! their role may take the action.

use app::{auth::CurrentUser, domain::Action, error::AppError, state::AppState};
use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

/// The signed-in user if they may take `action`; otherwise the response to send instead (401
/// without a session, 403 for a role that may not).
pub async fn page_user(
    state: &AppState,
    session: &Session,
    action: Action,
) -> Result<CurrentUser, Response> {
    let refuse = |status: StatusCode, text: String| (status, text).into_response();
    let user = app::auth::session::signed_in_user(&state.pool, session)
        .await
        .map_err(|e| refuse(e.status(), e.to_string()))?
        .ok_or_else(|| refuse(StatusCode::UNAUTHORIZED, AppError::Unauthorized.to_string()))?;
    user.role
        .require(action)
        .map_err(|e| refuse(StatusCode::FORBIDDEN, e.to_string()))?;
    Ok(user)
}

/// 503 (every permit taken) or 429 (this user's rate) with `Retry-After`.
pub fn turned_away(refusal: app::store::heavy::TurnedAway) -> Response {
    let error = app::error::AppError::from(refusal);
    let wait = error.retry_after().unwrap_or(1).to_string();
    (
        error.status(),
        [(axum::http::header::RETRY_AFTER, wait)],
        error.to_string(),
    )
        .into_response()
}
