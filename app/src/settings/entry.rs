//! Changing one entry of the rules from what is stored now: read at its version, changed,
//! saved, and read again and retried when another admin saved it in between (so two admins'
//! changes both stand). The rule save writes the audit row.

use crate::domain::ids::UserId;
use crate::domain::rules::Rules;
use crate::state::AppState;
use crate::store::rules::{rule_versions, RuleSaveError};
use crate::store::{Failure, StoreError};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Saves entry `id` as `change` makes it from the current rules; answers what was saved. A
/// refusal from `change` saves nothing.
pub async fn update<T: Serialize, E: From<RuleSaveError>>(
    state: &AppState,
    id: &str,
    actor: UserId,
    now: DateTime<Utc>,
    change: impl Fn(&Rules) -> Result<T, E>,
) -> Result<T, Failure<E>> {
    let mut stale = 0;
    for _ in 0..3 {
        let versions = rule_versions(&state.pool).await?;
        let version = versions.get(id).copied().unwrap_or(0);
        let rules = state.rules.get(&state.pool).await?;
        let changed = change(&rules).map_err(Failure::Refused)?;
        let entry = serde_json::to_value(&changed)
            .map_err(|e| StoreError::Corrupt(format!("{id}: {e}")))?;
        match state
            .rules
            .save_one(&state.pool, id, entry, version, actor, now)
            .await
        {
            Err(Failure::Refused(RuleSaveError::Stale { current })) => stale = current,
            Err(Failure::Refused(other)) => return Err(Failure::Refused(other.into())),
            Err(Failure::Store(e)) => return Err(Failure::Store(e)),
            Ok(_) => return Ok(changed),
        }
    }
    Err(Failure::Refused(
        RuleSaveError::Stale { current: stale }.into(),
    ))
}
