//! Server function: replace a source's secret (the previous one verifies for a day more, so
//! the provider can be switched over without losing events).

use crate::error::AppError;
use leptos::prelude::*;

/// Replaces the secret of source `id` with `secret`.
#[server(prefix = "/api", endpoint = "rotate_source")]
pub async fn rotate_source(id: i64, secret: String) -> Result<(), AppError> {
    use crate::domain::senders::SecretFields;
    use crate::domain::Action;

    let (state, me) = crate::auth::require::allowed(Action::ManageSources).await?;
    let fields = SecretFields {
        secret: Some(&secret),
        ..SecretFields::default()
    };
    let rotated = super::manage::rotate(&state.pool, id, fields, me.id, chrono::Utc::now()).await;
    crate::ui::flash::kept::<RotateSource>(rotated.map(|_| ())).await
}
