//! Touches in a time range, for the team calendar and `GET /api/v1/touches`: one range query
//! on `touches_time`, filtered by team, channel and status.

use crate::domain::ids::{TeamId, UserId};
use crate::domain::{Channel, TouchStatus};
use crate::records::TouchRecord;
use crate::store::db::{Db, SqlBuilder};
use crate::store::rows::{secs, TouchRow, TOUCH_SELECT};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Which touches to list: scheduled in `[from, to)`, optionally one team, channel or status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TouchFilter {
    /// First instant included.
    pub from: DateTime<Utc>,
    /// First instant excluded.
    pub to: DateTime<Utc>,
    /// Only this team's touches.
    pub team: Option<TeamId>,
    /// Only this channel.
    pub channel: Option<Channel>,
    /// Only this status.
    pub status: Option<TouchStatus>,
    /// Only touches to contacts this user owns (an open claim; a lapsed claim counts until
    /// the lapse job ends it, within a minute).
    #[serde(default)]
    pub owner: Option<UserId>,
    /// At most this many, earliest first.
    pub limit: u32,
}

/// The touches matching the filter, by time then id.
pub async fn list_touches(pool: &Db, filter: &TouchFilter) -> Result<Vec<TouchRecord>, StoreError> {
    let mut sql: SqlBuilder = SqlBuilder::new(TOUCH_SELECT);
    sql.push("WHERE t.scheduled_at >= ")
        .push_bind(secs(filter.from))
        .push(" AND t.scheduled_at < ")
        .push_bind(secs(filter.to));
    if let Some(team) = filter.team {
        sql.push(" AND t.team_id = ").push_bind(team.0);
    }
    if let Some(channel) = filter.channel {
        sql.push(" AND t.channel = ").push_bind(channel.as_str());
    }
    if let Some(owner) = filter.owner {
        sql.push(" AND t.contact_id IN (SELECT contact_id FROM claims WHERE ended_at IS NULL AND user_id = ")
            .push_bind(owner.0)
            .push(")");
    }
    if let Some(status) = filter.status {
        sql.push(" AND t.status = ").push_bind(status.as_str());
    }
    sql.push(" ORDER BY t.scheduled_at, t.id LIMIT ")
        .push_bind(i64::from(filter.limit));
    let rows: Vec<TouchRow> = sql.build_query_as().fetch_all(pool).await?;
    rows.into_iter().map(TouchRow::record).collect()
}
