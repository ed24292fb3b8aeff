//! Keeps SQLite's trigram index of contacts up to date (nothing to do on PostgreSQL, whose
//! indexes follow every write): a search looks at what the index has not caught up with, so
//! the sooner it does, the less a search reads.

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
        "contacts indexed for search",
        |pool| async move { app::store::contacts::text_index::index_contact_text(&pool).await },
    )
}
