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

/// Why a pack rule's edit was refused.
#[derive(Debug, thiserror::Error)]
pub enum EditRefused {
    /// The edit does not fit the rule.
    #[error(transparent)]
    Invalid(#[from] crate::domain::compliance::packs::EditError),
    /// The save was refused.
    #[error(transparent)]
    Save(#[from] RuleSaveError),
}

impl From<EditRefused> for crate::error::AppError {
    fn from(error: EditRefused) -> Self {
        match error {
            EditRefused::Invalid(crate::domain::compliance::packs::EditError::UnknownRule(_)) => {
                crate::error::AppError::NotFound(error.to_string())
            }
            EditRefused::Invalid(_) => crate::error::AppError::Validation(error.to_string()),
            EditRefused::Save(save) => save.into(),
        }
    }
}

/// Edits one pack rule (`None` sets it back to the law); answers the packs as they are now.
pub async fn edit_rule(
    state: &AppState,
    key: &str,
    edit: Option<crate::domain::compliance::packs::PackRuleEdit>,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<RulePacks, Failure<EditRefused>> {
    use crate::domain::compliance::packs::{edits, EditError};
    let (_, rule) = edits::find(key)
        .ok_or_else(|| Failure::Refused(EditError::UnknownRule(key.to_owned()).into()))?;
    if let Some(edit) = &edit {
        edit.check(rule).map_err(|e| Failure::Refused(e.into()))?;
    }
    crate::settings::entry::update(state, "rule_packs", actor, now, |rules| {
        let mut packs = rules.rule_packs.clone();
        match edit {
            Some(edit) => packs.edits.insert(key.to_owned(), edit),
            None => packs.edits.remove(key),
        };
        Ok::<_, EditRefused>(packs)
    })
    .await
}
