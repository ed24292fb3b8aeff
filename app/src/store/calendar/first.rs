//! The first touches of one local day, by time: an indexed range scan that stops after the
//! page it needs.

use super::filter_sql::push_filter;
use super::spans::DaySpan;
use crate::calendar::model::{CalendarFilter, CalendarTouch};
use crate::domain::ids::{ContactId, TouchId};
use crate::domain::{Channel, Conflict, Purpose, TouchStatus};
use crate::store::rows::{instant, json, parsed};
use crate::store::StoreError;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

/// A calendar entry as read.
#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    contact_id: i64,
    contact_name: String,
    channel: String,
    purpose: String,
    status: String,
    team_name: String,
    scheduled_at: i64,
    title: String,
    version: i64,
    conflicts: String,
}

/// Up to `limit` matching touches of the day, skipping the first `offset`.
pub async fn first_touches(
    pool: &SqlitePool,
    span: &DaySpan,
    filter: &CalendarFilter,
    limit: u32,
    offset: u32,
) -> Result<Vec<CalendarTouch>, StoreError> {
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT t.id, t.contact_id, c.name AS contact_name, t.channel, t.purpose, t.status, \
         tm.name AS team_name, t.scheduled_at, t.title, t.version, t.conflicts \
         FROM touches t JOIN teams tm ON tm.id = t.team_id JOIN contacts c ON c.id = t.contact_id \
         WHERE t.scheduled_at >= ",
    );
    sql.push_bind(span.start)
        .push(" AND t.scheduled_at < ")
        .push_bind(span.end);
    push_filter(&mut sql, filter, "t");
    sql.push(" ORDER BY t.scheduled_at, t.id LIMIT ")
        .push_bind(i64::from(limit))
        .push(" OFFSET ")
        .push_bind(i64::from(offset));
    let rows: Vec<EntryRow> = sql.build_query_as().fetch_all(pool).await?;
    rows.into_iter().map(entry).collect()
}

fn entry(row: EntryRow) -> Result<CalendarTouch, StoreError> {
    let conflicts: Vec<Conflict> = json(&row.conflicts)?;
    Ok(CalendarTouch {
        id: TouchId(row.id),
        contact_id: ContactId(row.contact_id),
        contact_name: row.contact_name,
        channel: parsed(Channel::parse(&row.channel))?,
        purpose: parsed(Purpose::parse(&row.purpose))?,
        status: parsed(TouchStatus::parse(&row.status))?,
        team: row.team_name,
        scheduled_at: instant(row.scheduled_at)?,
        title: row.title,
        version: row.version,
        conflicts: conflicts.len(),
    })
}
