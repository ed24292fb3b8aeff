//! The session cookie's contents: which user is signed in.

use crate::{domain::ids::UserId, error::AppError};
use tower_sessions::Session;

const USER_KEY: &str = "user_id";

/// The signed-in user's id on the current server-function request.
pub async fn user_id() -> Result<Option<UserId>, AppError> {
    let session: Session = leptos_axum::extract().await.map_err(|e| {
        tracing::error!(error = %e, "no session layer on this request");
        AppError::Internal
    })?;
    read_user_id(&session).await
}

/// The user id stored in `session`, if any.
pub async fn read_user_id(session: &Session) -> Result<Option<UserId>, AppError> {
    session.get::<UserId>(USER_KEY).await.map_err(|e| {
        tracing::error!(error = %e, "cannot read the session");
        AppError::Internal
    })
}

/// Starts a signed-in session for `user`, under a fresh session id (no fixation).
pub async fn sign_in(session: &Session, user: UserId) -> Result<(), AppError> {
    session.cycle_id().await.map_err(internal)?;
    session.insert(USER_KEY, user).await.map_err(internal)
}

/// Ends the session: its data and its cookie.
pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(internal)
}

fn internal(e: tower_sessions::session::Error) -> AppError {
    tracing::error!(error = %e, "session store failed");
    AppError::Internal
}
