//! Switching a pack on or off for the company: the `rule_packs` entry of the rules, changed
//! from what is stored (switches of different packs both stand).

use crate::domain::compliance::packs::{PackId, RulePacks};
use crate::domain::ids::UserId;
use crate::state::AppState;
use crate::store::rules::RuleSaveError;
use crate::store::Failure;
use chrono::{DateTime, Utc};

/// Switches `pack` on or off; answers the packs now on.
pub async fn switch(
    state: &AppState,
    pack: PackId,
    enabled: bool,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<RulePacks, Failure<RuleSaveError>> {
    crate::settings::entry::update(state, "rule_packs", actor, now, |rules| {
        let mut packs = rules.rule_packs.clone();
        if enabled {
            packs.enabled.insert(pack);
        } else {
            packs.enabled.remove(&pack);
        }
        Ok::<_, RuleSaveError>(packs)
    })
    .await
}
