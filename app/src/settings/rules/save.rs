//! Server function: save one rule's enabled flag, severity and parameters.

use crate::error::AppError;
use leptos::prelude::*;
use std::collections::HashMap;

/// Saves the rule `id` with the posted values. The whole rule set is validated by the domain
/// first; a refusal names the rule and the field, and nothing is saved. Answers a confirmation.
#[server(prefix = "/api", endpoint = "save_rule")]
pub async fn save_rule(
    id: String,
    enabled: Option<String>,
    severity: Option<String>,
    params: Option<HashMap<String, String>>,
) -> Result<String, AppError> {
    use crate::domain::{Action, Rules, RulesError};

    let (state, user) = crate::auth::require::allowed(Action::EditRules).await?;
    let current = state
        .rules
        .get(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    let mut entries = current.entries();
    let Some(slot) = entries.iter_mut().find(|(k, _)| *k == id) else {
        return Err(AppError::NotFound(format!("there is no rule {id:?}")));
    };
    let severity = severity.filter(|s| !s.is_empty());
    slot.1 = super::form::apply(
        &id,
        &slot.1,
        enabled.is_some(),
        severity.as_deref(),
        &params.unwrap_or_default(),
    )
    .map_err(|m| AppError::Validation(format!("Not saved. {m}")))?;
    let rules = Rules::from_entries(entries).map_err(|e| {
        AppError::Validation(match e {
            RulesError::Invalid {
                rule,
                field,
                reason,
            } => format!(
                "Not saved. {rule}, {}: {reason}",
                field.trim_start_matches("params.")
            ),
            other => format!("Not saved. {other}"),
        })
    })?;
    state
        .rules
        .save(&state.pool, &rules, user.id, chrono::Utc::now())
        .await?;
    crate::ui::flash::kept::<SaveRule>(Ok(format!("Saved {id}."))).await
}
