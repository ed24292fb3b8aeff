//! Server function: connect a provider account (a source) from the senders page.

use crate::error::AppError;
use leptos::prelude::*;

/// Connects a source of `kind` labelled `label`, verified with `secret` (Postmark's as
/// `user:password`); answers its id. The secret is never shown again.
#[server(prefix = "/api", endpoint = "connect_source")]
pub async fn connect_source(kind: String, label: String, secret: String) -> Result<i64, AppError> {
    use crate::domain::senders::SecretFields;
    use crate::domain::Action;

    let (state, me) = crate::auth::require::allowed(Action::ManageSources).await?;
    let fields = SecretFields {
        secret: Some(&secret),
        ..SecretFields::default()
    };
    let source = super::manage::connect(
        &state.pool,
        &kind,
        &label,
        fields,
        me.id,
        chrono::Utc::now(),
    )
    .await;
    crate::ui::flash::kept::<ConnectSource>(source.map(|s| s.id)).await
}
