//! Server function: an admin sets a user's password (say, after they forgot theirs); the
//! user's sessions end.

use crate::error::AppError;
use leptos::prelude::*;

/// Sets the password of `user_id`.
#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(user_id: i64, password: String) -> Result<(), AppError> {
    use crate::domain::{ids::UserId, Action};
    let (state, me) = crate::auth::require::allowed(Action::ManagePeople).await?;
    let done = super::account::reset_password(&state, &me, UserId(user_id), password).await;
    crate::ui::flash::kept::<ResetPassword>(done).await
}
