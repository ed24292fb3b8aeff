//! Server function: what the engine would say about a drafted touch. Stores nothing.

use crate::domain::TouchDraft;
use crate::error::AppError;
use crate::records::Checked;
use leptos::prelude::*;

/// Checks the draft against the contact's ledger and the current rules; the explanations give
/// times in the planner's zone, as the page around them does.
#[server(name = CheckTouch, prefix = "/api", endpoint = "check_touch")]
pub async fn check_touch(draft: TouchDraft) -> Result<Checked, AppError> {
    use crate::domain::{Action, NewTouch};
    let (state, user) = crate::auth::require::allowed(Action::Plan).await?;
    let input = draft.to_check_input(user.timezone)?;
    let touch = NewTouch::parse(&input, &user.actor())?;
    let now = chrono::Utc::now();
    let rules = state
        .rules
        .get(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    Ok(
        crate::store::touches::dry_run(&state.reader, &rules, &touch, now, Some(user.timezone))
            .await?,
    )
}
