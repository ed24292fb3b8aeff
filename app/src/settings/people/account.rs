//! What an admin does to another user's account, shared by the settings page and
//! `PATCH /api/v1/users/{id}`: disable or enable it, reset its password. Admins may not disable
//! themselves nor change their own role (the last admin could lock everyone out). Disabling and
//! a reset end the user's sessions.

use crate::auth::{new_user::check_password, password, CurrentUser};
use crate::domain::{ids::UserId, role::Role, FieldError};
use crate::error::AppError;
use crate::state::AppState;
use chrono::Utc;

/// Refuses what an admin `me` may not do to their own account: change their role, disable
/// themselves. Checked before anything is written.
pub fn check_own(
    me: &CurrentUser,
    user: UserId,
    role: Option<Role>,
    disabled: Option<bool>,
) -> Result<(), FieldError> {
    if user != me.id {
        return Ok(());
    }
    if role.is_some_and(|r| r != me.role) {
        return Err(FieldError::new(
            "role",
            "you cannot change your own role; ask another admin",
        ));
    }
    if disabled == Some(true) {
        return Err(FieldError::new(
            "disabled",
            "you cannot disable yourself; ask another admin",
        ));
    }
    Ok(())
}

/// Disables or enables `user` for the admin `me`.
pub async fn set_disabled(
    state: &AppState,
    me: &CurrentUser,
    user: UserId,
    disabled: bool,
) -> Result<(), AppError> {
    check_own(me, user, None, Some(disabled))?;
    let found =
        crate::store::accounts::set_disabled(&state.pool, user, disabled, Some(me.id), Utc::now())
            .await
            .map_err(|e| e.log_as_internal())?;
    if !found {
        return Err(AppError::NotFound(format!("there is no user {user}")));
    }
    Ok(())
}

/// Sets `user`'s password to `new` for the admin `me`; every session of theirs ends.
pub async fn reset_password(
    state: &AppState,
    me: &CurrentUser,
    user: UserId,
    new: String,
) -> Result<(), AppError> {
    check_password("password", &new)?;
    let hash = password::hash_off_runtime(new).await?;
    let done =
        crate::store::users::set_password_hash(&state.pool, user, &hash, Some(me.id), Utc::now())
            .await
            .map_err(|e| e.log_as_internal())?;
    match done {
        Some(_) => Ok(()),
        None => Err(AppError::NotFound(format!("there is no user {user}"))),
    }
}
