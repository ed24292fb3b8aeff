//! Server function: the signed-in user changes their own password. Every other session of
//! theirs ends; this one stays signed in.

use crate::error::AppError;
use leptos::prelude::*;

/// Sets the caller's password to `new` if `current` is their password now.
#[server(prefix = "/api", endpoint = "change_my_password")]
pub async fn change_my_password(current: String, new: String) -> Result<(), AppError> {
    use crate::auth::{new_user::check_password, password, session};
    let (state, me) = crate::auth::require::signed_in().await?;
    check_password("new", &new)?;
    let stored = crate::store::users::credentials(&state.pool, &me.email)
        .await
        .map_err(|e| e.log_as_internal())?
        .ok_or(AppError::Unauthorized)?;
    if !password::verify_off_runtime(current, stored.password_hash).await? {
        return Err(AppError::Validation(
            "current: that is not your current password".into(),
        ));
    }
    let hash = password::hash_off_runtime(new).await?;
    let epoch = crate::store::users::set_password_hash(
        &state.pool,
        me.id,
        &hash,
        Some(me.id),
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| e.log_as_internal())?
    .ok_or(AppError::Unauthorized)?;
    let here: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|_| AppError::Internal)?;
    session::keep_at(&here, epoch).await?;
    crate::ui::flash::kept::<ChangeMyPassword>(Ok(())).await
}
