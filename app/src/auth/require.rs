//! The first step of every server function: who is asking, and may they? Pages and server
//! functions call these rather than trusting what the browser hides or shows.

use super::CurrentUser;
use crate::{domain::Action, error::AppError, state::AppState};

/// The state and the signed-in user of this server-function request; `Unauthorized` without
/// a session.
pub async fn signed_in() -> Result<(AppState, CurrentUser), AppError> {
    let state = crate::state::app_state()?;
    let user_id = super::session::user_id()
        .await?
        .ok_or(AppError::Unauthorized)?;
    let user = crate::store::users::current_user(&state.pool, user_id)
        .await
        .map_err(|e| e.log_as_internal())?
        .ok_or(AppError::Unauthorized)?;
    Ok((state, user))
}

/// As [`signed_in`], and `Forbidden` unless the user's role may take `action`.
pub async fn allowed(action: Action) -> Result<(AppState, CurrentUser), AppError> {
    let (state, user) = signed_in().await?;
    user.role.require(action)?;
    Ok((state, user))
}
