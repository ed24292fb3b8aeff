//! Server function: who is signed in on this request.

use super::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in user, or `None` on a request without a session.
#[server(name = CurrentUserFn, prefix = "/api", endpoint = "current_user")]
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let state = crate::state::app_state()?;
    let Some(user_id) = super::session::user_id().await? else {
        return Ok(None);
    };
    crate::store::users::current_user(&state.pool, user_id)
        .await
        .map_err(|e| e.log_as_internal())
}
