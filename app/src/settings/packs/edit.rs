//! Server function: edit one pack rule from the page's form — switched on or off, a cap's
//! limit, a quiet period's days — or set it back to the law.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What an edit did: the confirmation, and whether the rule is now weaker than the law (the
/// page shows that as a warning, not as a plain success).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackEditOutcome {
    pub text: String,
    pub weaker: bool,
}

/// Saves the edit of rule `key` (`reset` sets it back to the law); answers a confirmation that
/// says when the edit is weaker than the law.
#[server(prefix = "/api", endpoint = "edit_pack_rule")]
pub async fn edit_pack_rule(
    key: String,
    enabled: Option<String>,
    limit: Option<String>,
    days: Option<String>,
    reset: Option<String>,
) -> Result<PackEditOutcome, AppError> {
    use crate::domain::compliance::packs::{edits, PackRuleEdit};
    use crate::domain::Action;

    let (state, me) = crate::auth::require::allowed(Action::EditRules).await?;
    let number = |field: &str, text: Option<String>| -> Result<Option<u32>, AppError> {
        match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => Ok(None),
            Some(t) => t
                .parse()
                .map(Some)
                .map_err(|_| AppError::Validation(format!("{field}: expected a whole number"))),
        }
    };
    let edit = if reset.is_some() {
        None
    } else {
        Some(PackRuleEdit {
            enabled: enabled.is_some(),
            limit: number("limit", limit)?,
            days: number("days", days)?,
        })
    };
    let weakens = match (&edit, edits::find(&key)) {
        (Some(e), Some((_, rule))) => e.weakens(rule),
        _ => false,
    };
    let done = super::manage::edit_rule(&state, &key, edit, me.id, chrono::Utc::now())
        .await
        .map_err(AppError::from)
        .map(|_| {
            let text = match (edit, weakens) {
                (None, _) => format!("{key} is back to the law."),
                (Some(_), true) => format!(
                    "{key} is saved — weaker than the law: touches it now allows may break it."
                ),
                (Some(_), false) => format!("{key} is saved."),
            };
            PackEditOutcome {
                text,
                weaker: edit.is_some() && weakens,
            }
        });
    crate::ui::flash::kept::<EditPackRule>(done).await
}
