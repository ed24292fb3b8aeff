//! Time to answer inbound replies: for each inbound reply, call-in or form in the range, how
//! long until the next outbound touch to that contact (one indexed look-up per interaction).

use super::{Range, OUTBOUND};
use crate::store::db;
use crate::store::StoreError;
use db::Db;

/// The buckets, in order; the last is "no answer yet".
pub const REPLY_BUCKETS: [&str; 6] = ["< 1 h", "1–4 h", "4–24 h", "1–3 d", "> 3 d", "No answer"];

/// How many inbound interactions fell in each of [`REPLY_BUCKETS`]. With a team, only
/// contacts claimed by one of its members count.
pub async fn reply_times(pool: &Db, range: Range) -> Result<Vec<i64>, StoreError> {
    let (from, to, team) = range.bounds();
    let sql = format!(
        "SELECT CAST(CASE WHEN answered IS NULL THEN 5
                     WHEN answered - at < 3600 THEN 0
                     WHEN answered - at < 14400 THEN 1
                     WHEN answered - at < 86400 THEN 2
                     WHEN answered - at < 259200 THEN 3
                     ELSE 4 END AS BIGINT) AS bucket, COUNT(*)
         FROM (SELECT i.at AS at,
                      (SELECT MIN(t.scheduled_at) FROM touches t
                       WHERE t.contact_id = i.contact_id AND t.scheduled_at >= i.at
                         AND t.status IN {OUTBOUND}) AS answered
               FROM interactions i
               WHERE i.at >= ?1 AND i.at < ?2 AND i.kind IN ('reply', 'call_in', 'form')
                 AND (?3 IS NULL OR EXISTS (
                     SELECT 1 FROM claims c JOIN users u ON u.id = c.user_id
                     WHERE c.contact_id = i.contact_id AND c.ended_at IS NULL AND u.team_id = ?3))
              ) AS inbound
         GROUP BY bucket"
    );
    let rows = db::query_as::<(i64, i64)>(&sql)
        .bind(from)
        .bind(to)
        .bind(team)
        .fetch_all(pool)
        .await?;
    let mut counts = vec![0; REPLY_BUCKETS.len()];
    for (bucket, n) in rows {
        if let Some(slot) = usize::try_from(bucket).ok().and_then(|b| counts.get_mut(b)) {
            *slot = n;
        }
    }
    Ok(counts)
}
