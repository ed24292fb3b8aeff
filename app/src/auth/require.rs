//! The first step of every server function: who is asking, and may they? Pages and server
//! functions call these rather than trusting what the browser hides or shows.

use super::CurrentUser;
use crate::{domain::Action, error::AppError, state::AppState};

/// The state and the signed-in user of this server-function request; `Unauthorized` without
/// a session.
pub async fn signed_in() -> Result<(AppState, CurrentUser), AppError> {
    let state = crate::state::app_state()?;
    let user = super::session::current(&state.pool)
        .await?
        .ok_or_else(|| with_status(AppError::Unauthorized))?;
    Ok((state, user))
}

/// As [`signed_in`], and `Forbidden` unless the user's role may take `action`.
pub async fn allowed(action: Action) -> Result<(AppState, CurrentUser), AppError> {
    let (state, user) = signed_in().await?;
    user.role
        .require(action)
        .map_err(|refusal| with_status(refusal.into()))?;
    Ok((state, user))
}

/// Gives the response the refusal's status (401 or 403): a page that loads data the user may
/// not see answers 403, and so does a server function called by a script. A plain HTML form
/// post keeps the redirect back to its page (with the error in the query), so that the page
/// can say what went wrong.
fn with_status(error: AppError) -> AppError {
    use axum::http::{header::ACCEPT, request::Parts, Method, StatusCode};
    let status = match error {
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        _ => return error,
    };
    let form_post = leptos::prelude::use_context::<Parts>().is_some_and(|parts| {
        parts.method == Method::POST
            && parts
                .headers
                .get(ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    });
    if !form_post {
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
        }
    }
    error
}
