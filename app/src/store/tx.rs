//! Write transactions. SQLite's default deferred `BEGIN` takes the write lock only at the first
//! write, so two writers that both read first deadlock on the upgrade (one gets SQLITE_BUSY at
//! once, without waiting). Every read-then-write in the store starts with `BEGIN IMMEDIATE`
//! instead: the write lock is taken up front and other writers wait (busy timeout).
//! PostgreSQL note: there this becomes `BEGIN` plus `SELECT … FOR UPDATE` on the contact row.

use super::StoreError;
use sqlx::{Sqlite, SqlitePool, Transaction};

/// A write transaction that holds SQLite's write lock from its first statement.
pub async fn begin_write(pool: &SqlitePool) -> Result<Transaction<'static, Sqlite>, StoreError> {
    Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
}
