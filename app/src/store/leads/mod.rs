//! The leads board's reads: hot leads, my contacts, lapsing claims and alerting contacts, each a
//! capped section with its total. Read-only; claims change through [`crate::store::claims`].

mod alerting;
mod capped;
mod row;
mod sections;

pub use alerting::alerting;
pub use sections::{hot, lapsing, mine, HOT_FOR};

use crate::auth::CurrentUser;
use crate::models::leads::{LapsingScope, LeadsBoard, Viewer};
use crate::store::db;
use crate::store::StoreError;
use chrono::{DateTime, TimeDelta, Utc};
use db::Db;

/// Rows shown per section; the rest are counted.
pub const SECTION_ROWS: u32 = 25;

/// Claims lapsing within this long are listed as lapsing.
pub const LAPSING_WITHIN: TimeDelta = TimeDelta::days(3);

/// The whole board as `viewer` sees it at `now`.
#[tracing::instrument(skip_all, fields(user.id = %viewer.id))]
pub async fn board(
    pool: &Db,
    viewer: &CurrentUser,
    include_owned: bool,
    now: DateTime<Utc>,
) -> Result<LeadsBoard, StoreError> {
    let mut conn = pool.acquire().await?;
    let id = viewer.id;
    let scope = LapsingScope::for_viewer(viewer.role, id, viewer.team_id);
    Ok(LeadsBoard {
        viewer: Viewer {
            id,
            role: viewer.role,
            zone: viewer.timezone,
            now,
        },
        hot: hot(&mut conn, id, include_owned, now, SECTION_ROWS).await?,
        include_owned,
        mine: mine(&mut conn, id, now, SECTION_ROWS).await?,
        lapsing: lapsing(&mut conn, id, scope, LAPSING_WITHIN, now, SECTION_ROWS).await?,
        alerting: alerting(&mut conn, id, now, SECTION_ROWS).await?,
    })
}
