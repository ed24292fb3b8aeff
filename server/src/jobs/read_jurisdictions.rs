//! Reads the jurisdiction of contacts stored before Concord kept one (after an upgrade), a
//! few thousand per pass, until none is left; then each pass is one small indexed read.
//! Two processes doing it at once write the same values.

use app::store::db::Db;
use std::time::Duration;
use tokio::task::JoinHandle;

/// How often the job runs by default.
pub const EVERY: Duration = Duration::from_secs(2);

/// Spawns the job: a pass right away, then one every `every`.
pub fn spawn(pool: Db, every: Duration) -> JoinHandle<()> {
    super::repeat(
        pool,
        every,
        "contacts' jurisdictions read",
        |pool| async move { app::store::contacts::jurisdiction::read_missing(&pool).await },
    )
}
