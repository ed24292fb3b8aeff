//! Small, frequent reads — the send gate and bearer-token lookups — on synchronous SQLite
//! connections, run inline on the calling thread.
//!
//! sqlx hands every statement and every row between tokio and the connection's own worker
//! thread. For a read that takes SQLite tens of microseconds, those hand-offs (a channel send
//! and a thread wake-up each way) cost more than the read itself; under gate load they were
//! the largest item in a profile. A [`Reader`] keeps a few plain connections to the same file
//! (WAL: readers never wait for the writer) and lends one to a closure. Writes stay on the sqlx
//! pool; these connections are `query_only`.

use super::open::MMAP_BYTES;
use super::StoreError;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Prepared statements kept per connection (the gate uses four).
const STATEMENT_CACHE: usize = 32;

/// Where the send gate and token lookups read: plain connections to a SQLite file, or on
/// PostgreSQL the pool itself (its driver has no worker thread to hand rows through).
#[derive(Clone, Debug)]
pub enum Reader {
    /// Synchronous connections to the SQLite file.
    Sqlite(SqliteReader),
    /// The PostgreSQL pool.
    Pool(super::db::Db),
}

impl Reader {
    /// The reader for an open pool on `at`.
    pub fn new(pool: &super::db::Db, at: &super::db::Location) -> Self {
        match at.sqlite_path() {
            Some(path) => Reader::Sqlite(SqliteReader::new(path)),
            None => Reader::Pool(pool.clone()),
        }
    }
}

/// A few read-only connections to the database file, opened on first use and reused.
#[derive(Clone, Debug)]
pub struct SqliteReader {
    path: Arc<PathBuf>,
    idle: Arc<Mutex<Vec<Connection>>>,
}

impl SqliteReader {
    /// A reader of the (already migrated) SQLite file at `path`; opens nothing yet.
    pub fn new(path: &Path) -> Self {
        Self {
            path: Arc::new(path.to_path_buf()),
            idle: Arc::default(),
        }
    }

    /// Runs `read` in one read transaction (one snapshot of the file, one lock) on an idle
    /// connection, opening one if none is idle, and keeps the connection for the next read (unless
    /// it was left inside a transaction, which only a failed `COMMIT` does).
    /// Blocks the calling thread for the read: keep reads small and indexed.
    pub fn read<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let idle = self.lock().pop();
        let conn = match idle {
            Some(conn) => conn,
            None => self.open()?,
        };
        let result = snapshot(&conn, read);
        if conn.is_autocommit() {
            self.lock().push(conn);
        }
        result
    }

    fn open(&self) -> Result<Connection, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(self.path.as_path(), flags)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "query_only", true)?;
        conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(conn)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Connection>> {
        self.idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// `read` between `BEGIN` and `COMMIT` (prepared once per connection): every statement in it
/// sees the same committed state.
fn snapshot<T>(
    conn: &Connection,
    read: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    conn.prepare_cached("BEGIN")?.execute([])?;
    let result = read(conn);
    conn.prepare_cached("COMMIT")?.execute([])?;
    result
}

/// The rows of a prepared query, each deserialized by column name into `T` (the row types of
/// [`rows`](super::rows) derive `Deserialize` for this).
pub fn rows<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<T>, StoreError> {
    let mut statement = conn.prepare_cached(sql)?;
    let columns = serde_rusqlite::columns_from_statement(&statement);
    let mut rows = statement.query(params)?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        found.push(serde_rusqlite::from_row_with_columns::<T>(row, &columns)?);
    }
    Ok(found)
}

/// The first row of a prepared query, if any, as [`rows`] reads it: for a lookup by a unique
/// key, which answers at most one row.
pub fn first<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Option<T>, StoreError> {
    Ok(rows(conn, sql, params)?.into_iter().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Pair {
        n: i64,
        flag: bool,
        label: Option<String>,
    }

    fn reader_of(sql: &str) -> (tempfile::TempDir, SqliteReader) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reader.db");
        let setup = Connection::open(&path).unwrap();
        setup.execute_batch(sql).unwrap();
        (dir, SqliteReader::new(&path))
    }

    #[test]
    fn rows_are_read_by_column_name_and_the_connection_is_reused() {
        let (_dir, reader) = reader_of(
            "CREATE TABLE t (n INTEGER, flag INTEGER, label TEXT);
             INSERT INTO t VALUES (1, 1, 'one'), (2, 0, NULL);",
        );
        let sql = "SELECT label, flag, n FROM t ORDER BY n";
        let read: Vec<Pair> = reader.read(|conn| rows(conn, sql, [])).unwrap();
        assert_eq!(
            read,
            vec![
                Pair {
                    n: 1,
                    flag: true,
                    label: Some("one".into())
                },
                Pair {
                    n: 2,
                    flag: false,
                    label: None
                },
            ]
        );
        let none: Option<Pair> = reader
            .read(|conn| first(conn, "SELECT n, flag, label FROM t WHERE n = ?", [9]))
            .unwrap();
        assert_eq!(none, None);
        assert_eq!(
            reader.lock().len(),
            1,
            "one connection, returned after each read"
        );
    }

    #[test]
    fn the_connections_refuse_to_write() {
        let (_dir, reader) = reader_of("CREATE TABLE t (n INTEGER);");
        let written = reader.read(|conn| Ok(conn.execute("INSERT INTO t VALUES (1)", [])?));
        assert!(written.is_err(), "a reader connection wrote: {written:?}");
    }

    #[test]
    fn one_read_sees_one_snapshot_while_another_connection_writes() {
        let (dir, reader) = reader_of(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE t (n INTEGER);
             INSERT INTO t VALUES (1);",
        );
        let writer = Connection::open(dir.path().join("reader.db")).unwrap();
        let count = |conn: &Connection| -> Result<i64, StoreError> {
            Ok(conn.query_row("SELECT COUNT(*) FROM t", [], |row| row.get(0))?)
        };
        let (before, after) = reader
            .read(|conn| {
                let before = count(conn)?;
                writer.execute("INSERT INTO t VALUES (2)", []).unwrap();
                Ok((before, count(conn)?))
            })
            .unwrap();
        assert_eq!((before, after), (1, 1), "the write landed inside the read");
        assert_eq!(reader.read(count).unwrap(), 2, "the next read sees it");
    }
}
