//! Background jobs that run beside the web server. Every process runs them; a job that must
//! run once per tick across processes takes its own advisory lock in the store.

pub mod fold_counts;
pub mod index_contacts;
pub mod lapse_claims;
pub mod read_jurisdictions;

use app::store::db::Db;
use std::future::Future;
use std::time::Duration;
use tokio::task::JoinHandle;

/// Spawns `pass` right away and then every `every`; a pass's count is logged as `done` when not
/// zero, and a failed pass is logged and the next one tries again.
pub fn repeat<F, Fut>(pool: Db, every: Duration, done: &'static str, pass: F) -> JoinHandle<()>
where
    F: Fn(Db) -> Fut + Send + 'static,
    Fut: Future<Output = Result<u64, app::store::StoreError>> + Send,
{
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match pass(pool.clone()).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "{done}"),
                Err(error) => tracing::warn!(%error, "background job failed: {done}"),
            }
        }
    })
}
