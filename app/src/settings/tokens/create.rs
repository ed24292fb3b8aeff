//! Server function: issue an API token for a user. The token is kept for the settings page to
//! show once; only its digest is stored.

use crate::error::AppError;
use leptos::prelude::*;

/// Issues a token acting as `user_id`, labelled `label`, working for `expires_in_days` days
/// (blank: until revoked); answers its id.
#[server(prefix = "/api", endpoint = "create_token")]
pub async fn create_token(
    user_id: i64,
    label: String,
    expires_in_days: Option<String>,
) -> Result<i64, AppError> {
    use crate::domain::{ids::UserId, Action};

    let (state, me) = crate::auth::require::allowed(Action::ManageTokens).await?;
    let label = crate::domain::label::parse_label("label", &label)?;
    let label = label.as_str();
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
    let now = chrono::Utc::now();
    let expires_at = match expires_in_days
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
    {
        "" => None,
        days => match days.parse::<i64>() {
            Ok(days @ 1..=3660) => Some(now + chrono::TimeDelta::days(days)),
            _ => {
                return Err(AppError::Validation(
                    "expires: a whole number of days from 1 to 3660, or blank".into(),
                ))
            }
        },
    };
    let (secret, digest) = crate::auth::token::generate();
    let id = crate::store::tokens::create_expiring(
        &state.pool,
        user,
        label,
        &digest,
        expires_at,
        Some(me.id),
        now,
    )
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
