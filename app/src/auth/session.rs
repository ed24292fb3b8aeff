//! The session cookie's contents: which user is signed in, and the user's session epoch at
//! sign-in. Disabling the user, changing their password or "sign out everywhere" raises the
//! epoch, which ends every session started before.

use crate::store::db;
use crate::{auth::CurrentUser, domain::ids::UserId, error::AppError};
use db::Db;
use tower_sessions::Session;

const USER_KEY: &str = "user_id";
const EPOCH_KEY: &str = "epoch";

/// The user id stored in `session`, if any.
pub async fn read_user_id(session: &Session) -> Result<Option<UserId>, AppError> {
    session.get::<UserId>(USER_KEY).await.map_err(|e| {
        tracing::error!(error = %e, "cannot read the session");
        AppError::Internal
    })
}

/// The user `session` is signed in as; `None` without a session and for a session that was
/// ended (the user disabled, their password changed, signed out everywhere), which is then
/// cleared.
pub async fn signed_in_user(pool: &Db, session: &Session) -> Result<Option<CurrentUser>, AppError> {
    let Some(id) = read_user_id(session).await? else {
        return Ok(None);
    };
    let epoch = session
        .get::<i64>(EPOCH_KEY)
        .await
        .map_err(internal)?
        .unwrap_or(0);
    let user = crate::store::users::session_user(pool, id, epoch)
        .await
        .map_err(|e| e.log_as_internal())?;
    if user.is_none() {
        sign_out(session).await?;
    }
    Ok(user)
}

/// The signed-in user of the current server-function request (see [`signed_in_user`]).
pub async fn current(pool: &Db) -> Result<Option<CurrentUser>, AppError> {
    let session: Session = leptos_axum::extract().await.map_err(|e| {
        tracing::error!(error = %e, "no session layer on this request");
        AppError::Internal
    })?;
    signed_in_user(pool, &session).await
}

/// Starts a signed-in session for `user` at their session `epoch`, under a fresh session id
/// (no fixation).
pub async fn sign_in(session: &Session, user: UserId, epoch: i64) -> Result<(), AppError> {
    session.cycle_id().await.map_err(internal)?;
    session.insert(USER_KEY, user).await.map_err(internal)?;
    session.insert(EPOCH_KEY, epoch).await.map_err(internal)
}

/// Keeps this session signed in after the user's epoch moved to `epoch` (they changed their own
/// password or ended their other sessions).
pub async fn keep_at(session: &Session, epoch: i64) -> Result<(), AppError> {
    session.cycle_id().await.map_err(internal)?;
    session.insert(EPOCH_KEY, epoch).await.map_err(internal)
}

/// Ends the session: its data and its cookie.
pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(internal)
}

fn internal(e: tower_sessions::session::Error) -> AppError {
    tracing::error!(error = %e, "session store failed");
    AppError::Internal
}
