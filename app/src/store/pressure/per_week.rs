//! Touches per contact per week: how many contact-weeks got 1, 2, 3 … touches.

use super::{Range, OUTBOUND, WEEK};
use crate::store::db;
use crate::store::StoreError;
use db::Db;

/// `(touches, contact-weeks)` pairs, touches capped at `top` (the last bucket is "`top` or
/// more"). Only weeks in which a contact was touched are counted.
pub async fn touches_per_contact_week(
    pool: &Db,
    range: Range,
    top: i64,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let (from, to, team) = range.bounds();
    let sql = format!(
        "SELECT CASE WHEN n >= ?4 THEN ?4 ELSE n END AS bucket, COUNT(*)
         FROM (SELECT contact_id, (scheduled_at - ?1) / {WEEK} AS week, COUNT(*) AS n
               FROM touches
               WHERE scheduled_at >= ?1 AND scheduled_at < ?2 AND status IN {OUTBOUND}
                 AND (?3 IS NULL OR team_id = ?3)
               GROUP BY contact_id, week) AS per_week
         GROUP BY bucket ORDER BY bucket"
    );
    Ok(db::query_as::<(i64, i64)>(&sql)
        .bind(from)
        .bind(to)
        .bind(team)
        .bind(top)
        .fetch_all(pool)
        .await?)
}
