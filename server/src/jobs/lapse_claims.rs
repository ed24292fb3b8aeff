//! Ends lapsed claims every so often, so lapsed contacts are back on the leads board with an
//! audit row. Reads already treat an expired claim as no owner; this makes it official.

use app::store::db;
use db::Db;
use std::time::Duration;
use tokio::task::JoinHandle;

/// How often the job runs by default.
pub const EVERY: Duration = Duration::from_secs(60);

/// One pass: ends every claim expired at the current time; returns how many.
pub async fn run_once(pool: &Db) -> Result<u64, app::store::StoreError> {
    app::store::claims::lapse_expired(pool, chrono::Utc::now()).await
}

/// Spawns the job: a pass right away, then one every `every`. A failed pass is logged and the
/// next one tries again.
pub fn spawn(pool: Db, every: Duration) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match run_once(&pool).await {
                Ok(0) => {}
                Ok(ended) => tracing::info!(ended, "lapsed claims ended"),
                Err(error) => tracing::warn!(%error, "could not end lapsed claims"),
            }
        }
    })
}
