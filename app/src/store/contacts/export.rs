//! The rows of a CSV export: every contact a search matches, in id order, a batch at a time so
//! that an export of a million contacts never holds them all nor one long read transaction.

use super::search::ContactSearch;
use super::text_index::Reach;
use super::text_match::TextMatch;
use crate::store::db::{Db, SqlBuilder};
use crate::store::rows::{ContactRow, CONTACT_SELECT};
use crate::store::StoreError;
use chrono::{DateTime, Utc};

/// The next `limit` contacts matching `search` with an id above `after`, by id.
pub async fn export_batch(
    pool: &Db,
    search: &ContactSearch,
    after: i64,
    limit: u32,
    now: DateTime<Utc>,
) -> Result<Vec<ContactRow>, StoreError> {
    let mut sql: SqlBuilder = SqlBuilder::new(CONTACT_SELECT);
    // The export walks contacts by id, so any part of a text is looked for by `LIKE` alone.
    let branches = search
        .text
        .as_deref()
        .map(|text| TextMatch::branches(text, Reach::Like))
        .unwrap_or_default();
    search.push_where(&mut sql, now, &branches);
    sql.push(" AND c.id > ")
        .push_bind(after)
        .push(" ORDER BY c.id LIMIT ")
        .push_bind(i64::from(limit));
    Ok(sql.build_query_as().fetch_all(pool).await?)
}
