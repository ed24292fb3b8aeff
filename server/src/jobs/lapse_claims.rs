//! Ends lapsed claims every so often, so lapsed contacts are back on the leads board with an
//! audit row. Reads already treat an expired claim as no owner; this makes it official.

use app::store::db::Db;
use std::time::Duration;
use tokio::task::JoinHandle;

/// How often the job runs by default.
pub const EVERY: Duration = Duration::from_secs(60);

/// One pass: ends every claim expired at the current time; returns how many.
pub async fn run_once(pool: &Db) -> Result<u64, app::store::StoreError> {
    app::store::claims::lapse_expired(pool, chrono::Utc::now()).await
}

/// Spawns the job: a pass right away, then one every `every`.
pub fn spawn(pool: Db, every: Duration) -> JoinHandle<()> {
    super::repeat(pool, every, "lapsed claims ended", |pool| async move {
        run_once(&pool).await
    })
}
