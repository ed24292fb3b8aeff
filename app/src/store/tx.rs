//! Write transactions. SQLite's default deferred `BEGIN` takes the write lock only at the first
//! write, so two writers that both read first deadlock on the upgrade (one gets SQLITE_BUSY at
//! once, without waiting). Every read-then-write in the store starts with `BEGIN IMMEDIATE`
//! instead: the write lock is taken up front and other writers wait (busy timeout). On
//! PostgreSQL a transaction says what it locks: the contacts it reads and writes
//! ([`begin_for_contacts`]), or, for rare writes that name no contact, one advisory lock.

use super::db::{self, Conn, Db};
use super::StoreError;

/// The pause after each transaction of long work done in many (an import, the search index).
/// SQLite's write lock is not fair: a writer waiting in the busy handler sleeps up to 100 ms
/// between tries, and work that began its next transaction at once would take the lock again
/// nearly every time, so a form post could wait for the whole of it. 120 transactions for an
/// import of 300 000 rows make the pause cost ~4 s.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(30);

/// Gives other writers (sign-ins, form posts, the send gate's writers) a turn at the lock.
pub async fn let_others_write() {
    tokio::time::sleep(PAUSE).await;
}

/// A write transaction that excludes every other such writer (see [`Db::begin_write`]).
pub async fn begin_write(pool: &Db) -> Result<Conn, StoreError> {
    Ok(pool.begin_write().await?)
}

/// A write transaction over these contacts (see [`Db::begin_for_contacts`]).
pub async fn begin_for_contacts(pool: &Db, contacts: &[i64]) -> Result<Conn, StoreError> {
    Ok(pool.begin_for_contacts(contacts).await?)
}

/// A write transaction over the contact of the touch `touch` (none locked when there is no
/// such touch: the caller finds it missing).
pub async fn begin_for_touch(pool: &Db, touch: i64) -> Result<Conn, StoreError> {
    let mut tx = pool.begin_for_contacts(&[]).await?;
    if tx.locks_rows() {
        let contact: Option<i64> = db::query_scalar("SELECT contact_id FROM touches WHERE id = ?")
            .bind(touch)
            .fetch_optional(&mut tx)
            .await?;
        tx.lock_contacts(contact.as_slice()).await?;
    }
    Ok(tx)
}
