//! Server function: who is signed in on this request.

use super::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in user, or `None` on a request without a session.
#[server(name = CurrentUserFn, prefix = "/api", endpoint = "current_user")]
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let state = crate::state::app_state()?;
    super::session::current(&state.pool).await
}
