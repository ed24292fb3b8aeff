//! One person's whole workspace: what everyone sees, and what their role looks after.

use super::{attention, decided, my_campaigns, oversight, setup, today, waiting, week_pressure};
use crate::auth::CurrentUser;
use crate::domain::Action;
use crate::models::workspace::{Workspace, LISTED};
use crate::store::db::Db;
use crate::store::StoreError;
use chrono::{DateTime, TimeDelta, Utc};

/// How many of the viewer's campaigns still to go out are listed.
pub const CAMPAIGNS_LISTED: usize = 5;

/// `user`'s workspace at `now`: their touches waiting for review, the decisions on theirs in
/// the last 14 days and their day; their contacts that need them if they claim; their
/// campaigns if they plan them; the queue and the week's pressure if they oversee; and what is
/// not set up yet if they edit the rules.
pub async fn load(
    pool: &Db,
    user: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Workspace, StoreError> {
    let may = |action| user.role.may(action);
    let zone = user.timezone;
    let (waiting, waiting_total) = waiting(pool, user.id, LISTED).await?;
    let decided = decided(pool, user.id, now - TimeDelta::days(14), LISTED).await?;
    let today = today(pool, user.id, zone, now).await?;
    let attention = match may(Action::Claim) {
        true => Some(attention(pool, user.id, now).await?),
        false => None,
    };
    // Those who oversee see their campaigns only when they have some still to go out.
    let campaigns = match may(Action::PlanCampaign) {
        true => {
            let mine = my_campaigns(pool, user.id, now, CAMPAIGNS_LISTED).await?;
            (mine.total > 0 || !may(Action::Oversee)).then_some(mine)
        }
        false => None,
    };
    let (oversight, pressure) = match may(Action::Oversee) {
        true => (
            Some(oversight(pool).await?),
            Some(week_pressure(pool, zone, now).await?),
        ),
        false => (None, None),
    };
    let setup = match may(Action::EditRules) {
        true => Some(setup(pool).await?),
        false => None,
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
