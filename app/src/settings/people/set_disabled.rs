//! Server function: disable a user (their sessions end, their tokens and feeds stop, their
//! history stays) or enable them again.

use crate::error::AppError;
use leptos::prelude::*;

/// Disables `user_id` when `disabled` is `yes`, else enables them.
#[server(prefix = "/api", endpoint = "set_user_disabled")]
pub async fn set_user_disabled(user_id: i64, disabled: String) -> Result<bool, AppError> {
    use crate::domain::{ids::UserId, Action};
    let (state, me) = crate::auth::require::allowed(Action::ManagePeople).await?;
    let disabled = disabled == "yes";
    let done = super::account::set_disabled(&state, &me, UserId(user_id), disabled)
        .await
        .map(|()| disabled);
    crate::ui::flash::kept::<SetUserDisabled>(done).await
}
