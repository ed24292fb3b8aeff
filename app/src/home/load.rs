//! Server function: the start page's data for whoever is signed in.

use crate::error::AppError;
use crate::models::workspace::Workspace;
use leptos::prelude::*;

/// How many of the viewer's waiting touches and decisions are listed.
pub const LISTED: u32 = 10;

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
        Some(attention(pool, &user, now).await.map_err(internal)?)
    } else {
        None
    };
    let setup = if user.role.may(Action::EditRules) {
        Some(workspace::setup(pool).await.map_err(internal)?)
    } else {
        None
    };
    let oversight = if user.role.may(Action::Oversee) {
        Some(workspace::oversight(pool).await.map_err(internal)?)
    } else {
        None
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
    })
}

/// How many of the viewer's contacts each part of the attention section lists.
#[cfg(feature = "ssr")]
const ATTENTION_LISTED: usize = 5;

/// The viewer's contacts that need them: those with an alert (from the leads board's alerts,
/// kept to the viewer's own) and their claims lapsing within the board's three days.
#[cfg(feature = "ssr")]
async fn attention(
    pool: &crate::store::db::Db,
    user: &crate::auth::CurrentUser,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<crate::models::workspace::Attention, crate::store::StoreError> {
    use crate::models::leads::LapsingScope;
    use crate::store::leads::{alerting, lapsing, Page, LAPSING_WITHIN};

    let mut conn = pool.acquire().await?;
    let all = Page {
        limit: u32::MAX,
        index: 0,
    };
    let mine: Vec<_> = alerting(&mut conn, user.id, now, all)
        .await?
        .rows
        .into_iter()
        .filter(|row| row.owner.as_ref().is_some_and(|o| o.user_id == user.id))
        .collect();
    let first = Page {
        limit: ATTENTION_LISTED as u32,
        index: 0,
    };
    let soon = lapsing(
        &mut conn,
        user.id,
        LapsingScope::Owner(user.id),
        LAPSING_WITHIN,
        now,
        first,
    )
    .await?;
    Ok(crate::models::workspace::Attention {
        alerting_total: mine.len() as u64,
        alerting: mine.into_iter().take(ATTENTION_LISTED).collect(),
        lapsing: soon.rows,
        lapsing_total: soon.total,
        now,
    })
}
