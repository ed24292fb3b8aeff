//! Server function: create a team.

use crate::error::AppError;
use leptos::prelude::*;

/// Creates the team `name` (unique, 1 to 100 characters).
#[server(prefix = "/api", endpoint = "create_team")]
pub async fn create_team(name: String) -> Result<(), AppError> {
    use crate::domain::Action;

    let (state, me) = crate::auth::require::allowed(Action::ManagePeople).await?;
    let name = crate::domain::label::parse_label("team name", &name)?;
    let name = name.as_str();
    crate::store::teams::create(&state.pool, name, me.id, chrono::Utc::now())
        .await
        .map_err(|e| e.log_as_internal())?
        .ok_or_else(|| AppError::Conflict(format!("a team named {name:?} exists already")))?;
    crate::ui::flash::kept::<CreateTeam>(Ok(())).await
}
