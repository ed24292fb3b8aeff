//! One section of the leads board: a page of the rows matching a filter, and how many match.

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

/// Reads `page` of the section's rows and its total, as seen by `viewer` at `now`.
pub async fn capped(
    conn: &mut Conn,
    section: Section<'_>,
    viewer: UserId,
    now: DateTime<Utc>,
    page: Page,
) -> Result<Capped, StoreError> {
    let select = format!("{LEAD_SELECT} WHERE {}", section.filter);
    let rows_sql = format!("{select} ORDER BY {} LIMIT ? OFFSET ?", section.order);
    let mut rows = db::query_as::<LeadRowDb>(&rows_sql)
        .bind(viewer.0)
        .bind(secs(now));
    for arg in &section.args {
        rows = rows.bind(*arg);
    }
    let rows = rows
        .bind(i64::from(page.limit))
        .bind(page.offset())
        .fetch_all(&mut *conn)
        .await?;
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
        offset: page.offset() as u64,
        above: 0,
    })
}

/// Which rows of a section: `limit` of them, page `index` (from 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Rows per page.
    pub limit: u32,
    /// Which page, from 0.
    pub index: u32,
}

impl Page {
    /// How many rows come before the page.
    pub fn offset(self) -> i64 {
        i64::from(self.limit) * i64::from(self.index)
    }
}
