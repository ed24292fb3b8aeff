//! One section of the leads board: the first rows matching a filter, and how many match.

use super::row::{LeadRowDb, LEAD_SELECT};
use crate::domain::ids::UserId;
use crate::models::leads::Capped;
use crate::store::db;
use crate::store::rows::secs;
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use db::Conn;

/// A section query: `filter` (SQL after `WHERE`, its `?` bound from `args` in order) over
/// [`LEAD_SELECT`], ordered by `order`, at most `limit` rows.
pub struct Section<'a> {
    /// The condition, over `c` (contact), `cl` (live claim), `u` (owner), `li` (last inbound).
    pub filter: &'a str,
    /// Its arguments, in order.
    pub args: Vec<i64>,
    /// The `ORDER BY` list.
    pub order: &'a str,
}

/// Reads the section's first `limit` rows and its total, as seen by `viewer` at `now`.
pub async fn capped(
    conn: &mut Conn,
    section: Section<'_>,
    viewer: UserId,
    now: DateTime<Utc>,
    limit: u32,
) -> Result<Capped, StoreError> {
    let select = format!("{LEAD_SELECT} WHERE {}", section.filter);
    let rows_sql = format!("{select} ORDER BY {} LIMIT ?", section.order);
    let mut rows = db::query_as::<LeadRowDb>(&rows_sql)
        .bind(viewer.0)
        .bind(secs(now));
    for arg in &section.args {
        rows = rows.bind(*arg);
    }
    let rows = rows.bind(i64::from(limit)).fetch_all(&mut *conn).await?;
    let total_sql = format!("SELECT COUNT(*) FROM ({select}) s");
    let mut total = db::query_scalar::<i64>(&total_sql)
        .bind(viewer.0)
        .bind(secs(now));
    for arg in &section.args {
        total = total.bind(*arg);
    }
    let total = total.fetch_one(&mut *conn).await?;
    Ok(Capped {
        rows: rows
            .into_iter()
            .map(LeadRowDb::record)
            .collect::<Result<_, _>>()?,
        total: u64::try_from(total).unwrap_or_default(),
        above: 0,
    })
}
