//! Touches in a time range, filtered: the calendar's and the API's listing.

use crate::domain::ids::TeamId;
use crate::domain::{Channel, TouchStatus};
use crate::records::TouchRecord;
use crate::store::rows::{TouchRow, TOUCH_SELECT};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

/// Which touches to list: scheduled in `[from, to)`, optionally one team, channel or status.
#[derive(Clone, Debug)]
pub struct TouchFilter {
    /// Start, inclusive.
    pub from: DateTime<Utc>,
    /// End, exclusive.
    pub to: DateTime<Utc>,
    /// Only this team's touches.
    pub team: Option<TeamId>,
    /// Only this channel.
    pub channel: Option<Channel>,
    /// Only this status.
    pub status: Option<TouchStatus>,
    /// At most this many, earliest first.
    pub limit: u32,
}

/// The matching touches by time (then id), at most `filter.limit`.
pub async fn list(pool: &SqlitePool, filter: &TouchFilter) -> Result<Vec<TouchRecord>, StoreError> {
    let sql = format!(
        "{TOUCH_SELECT} WHERE t.scheduled_at >= ? AND t.scheduled_at < ? \
         AND (? IS NULL OR t.team_id = ?) AND (? IS NULL OR t.channel = ?) \
         AND (? IS NULL OR t.status = ?) \
         ORDER BY t.scheduled_at, t.id LIMIT ?"
    );
    let team = filter.team.map(|t| t.0);
    let channel = filter.channel.map(Channel::as_str);
    let status = filter.status.map(TouchStatus::as_str);
    let rows: Vec<TouchRow> = sqlx::query_as(&sql)
        .bind(filter.from.timestamp())
        .bind(filter.to.timestamp())
        .bind(team)
        .bind(team)
        .bind(channel)
        .bind(channel)
        .bind(status)
        .bind(status)
        .bind(i64::from(filter.limit))
        .fetch_all(pool)
        .await?;
    rows.into_iter().map(TouchRow::record).collect()
}
