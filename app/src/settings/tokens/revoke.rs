//! Server function: revoke an API token (after the page asked to confirm).

use crate::error::AppError;
use leptos::prelude::*;

/// Revokes the token `id`; requests bearing it are refused from now on.
#[server(prefix = "/api", endpoint = "revoke_token")]
pub async fn revoke_token(id: i64) -> Result<(), AppError> {
    use crate::domain::Action;

    let (state, user) = crate::auth::require::allowed(Action::ManageTokens).await?;
    let revoked = crate::store::tokens::revoke(&state.pool, id, Some(user.id), chrono::Utc::now())
        .await
        .map_err(|e| e.log_as_internal())?;
    if !revoked {
        return Err(AppError::NotFound(format!("there is no live token {id}")));
    }
    leptos_axum::redirect("/settings#tokens");
    Ok(())
}
