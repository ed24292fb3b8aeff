//! The leads board's reads: hot leads, my contacts, lapsing claims and alerting contacts, each a
//! capped section with its total. Read-only; claims change through [`crate::store::claims`].

mod alerting;
mod capped;
mod row;
mod sections;

pub use alerting::alerting;
pub use capped::Page;
pub use sections::{hot, lapsing, mine, HOT_FOR};

use crate::auth::CurrentUser;
use crate::models::leads::{BoardPages, LapsingScope, LeadsBoard, Viewer};
use crate::store::db;
use crate::store::StoreError;
use chrono::{DateTime, TimeDelta, Utc};
use db::Db;

/// Rows shown per section and page; the rest are counted.
pub const SECTION_ROWS: u32 = 25;

/// Claims lapsing within this long are listed as lapsing.
pub const LAPSING_WITHIN: TimeDelta = TimeDelta::days(3);

/// The whole board as `viewer` sees it at `now`, each section at its page of `pages`.
#[tracing::instrument(skip_all, fields(user.id = %viewer.id))]
pub async fn board(
    pool: &Db,
    viewer: &CurrentUser,
    include_owned: bool,
    pages: BoardPages,
    now: DateTime<Utc>,
) -> Result<LeadsBoard, StoreError> {
    let page = |id: &str| Page {
        limit: SECTION_ROWS,
        index: pages.get(id),
    };
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
        hot: hot(&mut conn, id, include_owned, now, page("hot")).await?,
        include_owned,
        pages,
        mine: mine(&mut conn, id, now, page("mine")).await?,
        lapsing: lapsing(&mut conn, id, scope, LAPSING_WITHIN, now, page("lapsing")).await?,
        alerting: alerting(&mut conn, id, None, now, page("alerts")).await?,
    })
}
