//! Server function: what the planner's forms need around them — the teams, and the planner's
//! zone and team.

use crate::domain::ids::TeamId;
use crate::domain::TimeZone;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The teams to send as, and the planner's own zone and team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannerContext {
    /// Every team, by name.
    pub teams: Vec<(TeamId, String)>,
    /// The planner's zone: the form's times are in it.
    pub zone: TimeZone,
    /// The planner's team, the default sender.
    pub team: TeamId,
}

/// The planner's context (marketers, managers and admins).
#[server(name = LoadPlanner, prefix = "/api", endpoint = "load_planner")]
pub async fn load_planner() -> Result<PlannerContext, AppError> {
    let (state, user) = crate::auth::require::allowed(crate::domain::Action::PlanCampaign).await?;
    let teams = crate::store::teams::all(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    Ok(PlannerContext {
        teams,
        zone: user.timezone,
        team: user.team_id,
    })
}
