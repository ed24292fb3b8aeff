//! Server function: issue an API token for a user. The token is kept for the settings page to
//! show once; only its digest is stored.

use crate::error::AppError;
use leptos::prelude::*;

/// Issues a token acting as `user_id`, labelled `label`; answers its id.
#[server(prefix = "/api", endpoint = "create_token")]
pub async fn create_token(user_id: i64, label: String) -> Result<i64, AppError> {
    use crate::domain::{ids::UserId, Action};

    let (state, _) = crate::auth::require::allowed(Action::ManageTokens).await?;
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 100 {
        return Err(AppError::Validation(
            "label: must be 1 to 100 characters".into(),
        ));
    }
    let user = UserId(user_id);
    let internal = |e: crate::store::StoreError| e.log_as_internal();
    if crate::store::users::current_user(&state.pool, user)
        .await
        .map_err(internal)?
        .is_none()
    {
        return Err(AppError::Validation(format!(
            "user: there is no user {user}"
        )));
    }
    let (secret, digest) = crate::auth::token::generate();
    let id = crate::store::tokens::create(&state.pool, user, label, &digest, chrono::Utc::now())
        .await
        .map_err(internal)?;
    let fresh = super::super::overview::FreshToken {
        id,
        label: label.to_owned(),
        secret,
    };
    super::flash::keep(&fresh).await?;
    crate::ui::flash::kept::<CreateToken>(Ok(id)).await
}
