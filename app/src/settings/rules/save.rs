//! Server function: save one rule's enabled flag, severity and parameters.

use crate::error::AppError;
use leptos::prelude::*;
use std::collections::HashMap;

/// Saves the rule `id`, read at `version`, with the posted values. Only this rule is written:
/// another admin's save of another rule at the same time is kept. The whole rule set is
/// validated by the domain first; a refusal names the rule and the field, a stale version is
/// refused, and nothing is saved. Answers a confirmation.
#[server(prefix = "/api", endpoint = "save_rule")]
pub async fn save_rule(
    id: String,
    version: i64,
    enabled: Option<String>,
    severity: Option<String>,
    params: Option<HashMap<String, String>>,
) -> Result<String, AppError> {
    use crate::domain::{Action, RulesError};
    use crate::store::{rules::RuleSaveError, Failure};

    let (state, user) = crate::auth::require::allowed(Action::EditRules).await?;
    let current = state
        .rules
        .get(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    let Some((_, entry)) = current.entries().into_iter().find(|(k, _)| *k == id) else {
        return Err(AppError::NotFound(format!("there is no rule {id:?}")));
    };
    let severity = severity.filter(|s| !s.is_empty());
    let entry = super::form::apply(
        &id,
        &entry,
        enabled.is_some(),
        severity.as_deref(),
        &params.unwrap_or_default(),
    )
    .map_err(|m| AppError::Validation(format!("Not saved. {m}")))?;
    let saved = state
        .rules
        .save_one(
            &state.pool,
            &id,
            entry,
            version,
            user.id,
            chrono::Utc::now(),
        )
        .await;
    match saved {
        Ok(_) => crate::ui::flash::kept::<SaveRule>(Ok(format!("Saved {id}."))).await,
        Err(Failure::Refused(RuleSaveError::Invalid(RulesError::Invalid {
            rule,
            field,
            reason,
        }))) => Err(AppError::Validation(format!(
            "Not saved. {rule}, {}: {reason}",
            field.trim_start_matches("params.")
        ))),
        Err(Failure::Refused(RuleSaveError::Stale { current })) => Err(AppError::Conflict(format!(
            "Not saved: {id} was changed by someone else (now at version {current}). Reload the page to see it."
        ))),
        Err(other) => Err(AppError::from(other)),
    }
}
