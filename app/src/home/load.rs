//! Server function: the start page's data for whoever is signed in.

use crate::error::AppError;
use crate::models::workspace::Workspace;
use leptos::prelude::*;

/// How many of the viewer's waiting touches and decisions are listed.
pub const LISTED: u32 = 10;

/// How many of the viewer's campaigns still to go out are listed.
pub const CAMPAIGNS_LISTED: usize = 5;

/// The viewer's workspace: their touches waiting for review, the decisions on theirs in the
/// last 14 days, their day, and what waits for them if they oversee.
#[server(name = LoadWorkspace, prefix = "/api", endpoint = "workspace")]
pub async fn load_workspace() -> Result<Workspace, AppError> {
    use crate::domain::Action;
    use crate::store::workspace;
    use chrono::{TimeDelta, Utc};

    let (state, user) = crate::auth::require::signed_in().await?;
    let internal = |e: crate::store::StoreError| e.log_as_internal();
    let pool = &state.pool;
    let now = Utc::now();
    let zone = user.timezone;
    let (waiting, waiting_total) = workspace::waiting(pool, user.id, LISTED)
        .await
        .map_err(internal)?;
    let decided = workspace::decided(pool, user.id, now - TimeDelta::days(14), LISTED)
        .await
        .map_err(internal)?;
    let today = workspace::today(pool, user.id, zone, now)
        .await
        .map_err(internal)?;
    let attention = if user.role.may(Action::Claim) {
        Some(
            workspace::attention(pool, user.id, now)
                .await
                .map_err(internal)?,
        )
    } else {
        None
    };
    let setup = if user.role.may(Action::EditRules) {
        Some(workspace::setup(pool).await.map_err(internal)?)
    } else {
        None
    };
    // Those who oversee see their campaigns only when they have some still to go out.
    let campaigns = if user.role.may(Action::PlanCampaign) {
        let mine = workspace::my_campaigns(pool, user.id, now, CAMPAIGNS_LISTED)
            .await
            .map_err(internal)?;
        (mine.total > 0 || !user.role.may(Action::Oversee)).then_some(mine)
    } else {
        None
    };
    let (oversight, pressure) = if user.role.may(Action::Oversee) {
        (
            Some(workspace::oversight(pool).await.map_err(internal)?),
            Some(
                workspace::week_pressure(pool, zone, now)
                    .await
                    .map_err(internal)?,
            ),
        )
    } else {
        (None, None)
    };
    Ok(Workspace {
        zone,
        waiting,
        waiting_total,
        decided,
        today,
        oversight,
        attention,
        setup,
        campaigns,
        pressure,
    })
}
