//! The rep's start page: their contacts with an alert and their claims lapsing soon, read with
//! the leads board's own queries kept to the viewer.

use crate::domain::ids::UserId;
use crate::models::leads::LapsingScope;
use crate::models::workspace::Attention;
use crate::store::db::Db;
use crate::store::leads::{alerting, lapsing, Page, LAPSING_WITHIN};
use crate::store::StoreError;
use chrono::{DateTime, Utc};

/// How many of the viewer's contacts each part of the attention section lists.
pub const ATTENTION_LISTED: u32 = 5;

/// `owner`'s contacts that need them at `now`: those with an alert, oldest first, and their
/// claims lapsing within [`LAPSING_WITHIN`], soonest first.
pub async fn attention(
    pool: &Db,
    owner: UserId,
    now: DateTime<Utc>,
) -> Result<Attention, StoreError> {
    let mut conn = pool.acquire().await?;
    let first = Page {
        limit: ATTENTION_LISTED,
        index: 0,
    };
    let waiting = alerting(&mut conn, owner, Some(owner), now, first).await?;
    let soon = lapsing(
        &mut conn,
        owner,
        LapsingScope::Owner(owner),
        LAPSING_WITHIN,
        now,
        first,
    )
    .await?;
    Ok(Attention {
        alerting: waiting.rows,
        alerting_total: waiting.total,
        lapsing: soon.rows,
        lapsing_total: soon.total,
        lapsing_within_days: LAPSING_WITHIN.num_days(),
        now,
    })
}
