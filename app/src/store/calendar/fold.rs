//! Folding the calendar's pending counts. On PostgreSQL, scheduling appends +1/-1 rows to
//! `touch_deltas` instead of updating a keyed count (concurrent planners in one hour would wait
//! for each other there); the views `touch_hours` and `touch_quarters` sum `touch_counts` and
//! the deltas. This moves the deltas into `touch_counts` in one statement, so the views read
//! few rows; one process folds at a time. SQLite keeps its counts exact in place: nothing to do.

use crate::store::db::{self, Db, Engine};
use crate::store::StoreError;

/// The advisory lock of the fold job: one process folds at a time.
const FOLD_JOB: i64 = 0x666f_6c64;

/// Folds every pending delta; returns how many delta rows were folded (0 on SQLite, and when
/// another process is folding).
pub async fn fold_counts(pool: &Db) -> Result<u64, StoreError> {
    if pool.engine() == Engine::Sqlite {
        return Ok(0);
    }
    let mut tx = pool.begin_for_contacts(&[]).await?;
    if !tx.try_lock(FOLD_JOB).await? {
        return Ok(0);
    }
    let folded: i64 = db::query_scalar(
        "WITH moved AS (
             DELETE FROM touch_deltas
             RETURNING scale, slot, team_id, channel, purpose, status, campaign_id, touches
         ), summed AS (
             INSERT INTO touch_counts
                 (scale, slot, team_id, channel, purpose, status, campaign_id, touches)
             SELECT scale, slot, team_id, channel, purpose, status, campaign_id, SUM(touches)
             FROM moved GROUP BY scale, slot, team_id, channel, purpose, status, campaign_id
             ON CONFLICT (scale, slot, team_id, channel, purpose, status, campaign_id)
             DO UPDATE SET touches = touch_counts.touches + EXCLUDED.touches
         )
         SELECT COUNT(*) FROM moved",
    )
    .fetch_one(&mut tx)
    .await?;
    tx.commit().await?;
    Ok(folded.max(0) as u64)
}
