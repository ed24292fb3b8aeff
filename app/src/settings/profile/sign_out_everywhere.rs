//! Server function: end every other session of the signed-in user (a lost laptop, a shared
//! computer); this one stays signed in.

use crate::error::AppError;
use leptos::prelude::*;

/// Ends the caller's other sessions.
#[server(prefix = "/api", endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    let (state, me) = crate::auth::require::signed_in().await?;
    let epoch =
        crate::store::accounts::end_sessions(&state.pool, me.id, Some(me.id), chrono::Utc::now())
            .await
            .map_err(|e| e.log_as_internal())?
            .ok_or(AppError::Unauthorized)?;
    let here: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|_| AppError::Internal)?;
    crate::auth::session::keep_at(&here, epoch).await?;
    crate::ui::flash::kept::<SignOutEverywhere>(Ok(())).await
}
