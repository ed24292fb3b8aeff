//! Opening the database: a SQLite file (created if missing; WAL, foreign keys, a busy timeout)
//! or a PostgreSQL database, and migrating it.

use super::db::{Db, Location};
use crate::error::AppError;
use sqlx::{
    migrate::{MigrateError, Migrator},
    postgres::{PgConnectOptions, PgPoolOptions},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};
use std::{path::Path, str::FromStr, time::Duration};

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be opened or created.
    #[error("cannot open the database {path}: {source}")]
    Open {
        /// The file asked for.
        path: String,
        /// What SQLite said.
        source: sqlx::Error,
    },
    /// The file was written by a newer Concord than this one.
    #[error("the database {path} was created by a newer version of Concord (it has migration {version}, unknown to this build); run a newer Concord or use another --db")]
    NewerVersion {
        /// The file asked for.
        path: String,
        /// The first migration this build does not know.
        version: i64,
    },
    /// A migration failed.
    #[error("cannot migrate the database {path}: {source}")]
    Migrate {
        /// The file asked for.
        path: String,
        /// What the migrator said.
        source: MigrateError,
    },
    /// A query failed.
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    /// A read on a [`Reader`](super::reader::Reader) connection failed.
    #[error("database error: {0}")]
    Read(#[from] rusqlite::Error),
    /// A row read by a [`Reader`](super::reader::Reader) did not fit its row type.
    #[error("unreadable row: {0}")]
    Row(#[from] serde_rusqlite::Error),
    /// A stored value could not be read back (an unknown name, malformed JSON, a bad instant).
    #[error("unreadable stored value: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Logs the real cause and gives the wire a safe error.
    pub fn log_as_internal(self) -> AppError {
        tracing::error!(error = %self, "store failed");
        AppError::Internal
    }
}

/// How much of the file each connection maps instead of copying pages in with `pread`.
pub const MMAP_BYTES: i64 = 1 << 30;

/// The SQLite schema's migrations.
static SQLITE: Migrator = sqlx::migrate!("../migrations/sqlite");
/// The same schema in PostgreSQL's dialect.
static POSTGRES: Migrator = sqlx::migrate!("../migrations/postgres");

/// Opens (creating a SQLite file if needed) and migrates the database at `at`.
///
/// SQLite runs with `synchronous = FULL`: in WAL mode every commit syncs the log, so a write
/// Concord has acknowledged survives a power loss, as DESIGN promises (`NORMAL` keeps it across
/// a crash of Concord but may lose the last commits when the machine loses power). Measured
/// here with the sqlite3 shell, 2 000 one-row write transactions in WAL mode: 0.04 s with
/// `NORMAL`, 0.39 s with `FULL`, i.e. about 0.2 ms more per commit — small beside a scheduling
/// transaction, and reads (the send gate) do not sync at all.
///
/// Several processes may open one PostgreSQL database at once: the migrator takes an advisory
/// lock, so only one of them migrates.
pub async fn open(at: &Location) -> Result<Db, StoreError> {
    let pool = connect(at, 8).await?;
    let migrator = match pool {
        Db::Sqlite(_) => &SQLITE,
        Db::Postgres(_) => &POSTGRES,
    };
    let migrated = match &pool {
        Db::Sqlite(p) => migrator.run(p).await,
        Db::Postgres(p) => migrator.run(p).await,
    };
    match migrated {
        Ok(()) => Ok(pool),
        Err(MigrateError::VersionMissing(version)) => Err(StoreError::NewerVersion {
            path: at.to_string(),
            version,
        }),
        Err(source) => Err(StoreError::Migrate {
            path: at.to_string(),
            source,
        }),
    }
}

/// A pool of `connections` on the database at `at` (a SQLite file is created if missing), set
/// up as [`open`] says, without migrating it.
pub async fn connect(at: &Location, connections: u32) -> Result<Db, StoreError> {
    let failed = |source| StoreError::Open {
        path: at.to_string(),
        source,
    };
    match at {
        Location::Sqlite(path) => Ok(Db::Sqlite(
            SqlitePoolOptions::new()
                .max_connections(connections)
                .connect_with(sqlite_options(path))
                .await
                .map_err(failed)?,
        )),
        Location::Postgres(url) => {
            let options = PgConnectOptions::from_str(url)
                .map_err(failed)?
                .application_name("concord");
            Ok(Db::Postgres(
                PgPoolOptions::new()
                    .max_connections(connections)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await
                    .map_err(failed)?,
            ))
        }
    }
}

fn sqlite_options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        .pragma("mmap_size", MMAP_BYTES.to_string())
}
