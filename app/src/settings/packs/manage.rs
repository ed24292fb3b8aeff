//! Switching a pack on or off for the company: the `rule_packs` entry of the rules saved at the
//! version read, read again and retried when another admin saved it in between (switches of
//! different packs both stand), with an audit row through the rule save.

use crate::domain::compliance::packs::{PackId, RulePacks};
use crate::domain::ids::UserId;
use crate::state::AppState;
use crate::store::rules::{rule_versions, RuleSaveError};
use crate::store::{Failure, StoreError};
use chrono::{DateTime, Utc};

/// The entry's id among the rules.
const ENTRY: &str = "rule_packs";

/// Switches `pack` on or off; answers the packs now on.
pub async fn switch(
    state: &AppState,
    pack: PackId,
    enabled: bool,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<RulePacks, Failure<RuleSaveError>> {
    let mut stale = 0;
    for _ in 0..3 {
        let versions = rule_versions(&state.pool).await?;
        let version = versions.get(ENTRY).copied().unwrap_or(0);
        let mut packs = state.rules.get(&state.pool).await?.rule_packs.clone();
        if enabled {
            packs.enabled.insert(pack);
        } else {
            packs.enabled.remove(&pack);
        }
        let entry = serde_json::to_value(&packs)
            .map_err(|e| StoreError::Corrupt(format!("rule packs: {e}")))?;
        match state
            .rules
            .save_one(&state.pool, ENTRY, entry, version, actor, now)
            .await
        {
            Err(Failure::Refused(RuleSaveError::Stale { current })) => stale = current,
            Err(other) => return Err(other),
            Ok(_) => return Ok(packs),
        }
    }
    Err(Failure::Refused(RuleSaveError::Stale { current: stale }))
}
