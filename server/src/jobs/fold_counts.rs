//! Folds the calendar's pending counts (PostgreSQL; nothing to do on SQLite) every few seconds,
//! so that the calendar's views sum few rows however many touches were planned since.

use app::store::db::Db;
use std::time::Duration;
use tokio::task::JoinHandle;

/// How often the job runs by default.
pub const EVERY: Duration = Duration::from_secs(5);

/// Spawns the job: a pass right away, then one every `every`.
pub fn spawn(pool: Db, every: Duration) -> JoinHandle<()> {
    super::repeat(pool, every, "calendar counts folded", |pool| async move {
        app::store::calendar::fold::fold_counts(&pool).await
    })
}
