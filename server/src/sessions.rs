//! Where sessions are kept. On SQLite, a file of its own beside the database: signing in
//! writes a session and must not wait for the ledger's write lock while an import or a
//! campaign writes (and a backup of the ledger holds no session; losing the file signs
//! everyone out). On PostgreSQL, a table in the same database (schema `tower_sessions`), so
//! that every `concord serve` process knows every session.

use anyhow::Context;
use app::store::db::{Db, Location};
use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// The session store of either engine.
#[derive(Clone, Debug)]
pub enum Sessions {
    /// A SQLite file beside the ledger.
    Sqlite(SqliteStore),
    /// The ledger's PostgreSQL database.
    Postgres(PostgresStore),
}

impl Sessions {
    /// Opens (and prepares) the session store for the ledger at `at`, whose pool is `pool`.
    pub async fn open(at: &Location, pool: &Db) -> anyhow::Result<Sessions> {
        let sessions = match (at, pool) {
            (Location::Sqlite(path), _) => {
                let file = Location::Sqlite(sessions_path(path));
                match app::store::open::connect(&file, 4).await? {
                    Db::Sqlite(p) => Sessions::Sqlite(SqliteStore::new(p)),
                    Db::Postgres(_) => unreachable!("a file opens SQLite"),
                }
            }
            (Location::Postgres(_), Db::Postgres(p)) => {
                Sessions::Postgres(PostgresStore::new(p.clone()))
            }
            (Location::Postgres(_), Db::Sqlite(_)) => unreachable!("a URL opens PostgreSQL"),
        };
        // Two processes starting together may both create the schema; the loser retries once.
        if sessions.migrate().await.is_err() {
            sessions
                .migrate()
                .await
                .context("cannot prepare the session table")?;
        }
        Ok(sessions)
    }

    async fn migrate(&self) -> sqlx::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.migrate().await,
            Sessions::Postgres(s) => s.migrate().await,
        }
    }
}

/// `concord.db` → `concord.db-sessions`, beside it.
fn sessions_path(db: &std::path::Path) -> std::path::PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push("-sessions");
    db.with_file_name(name)
}

#[async_trait]
impl SessionStore for Sessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.create(record).await,
            Sessions::Postgres(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.save(record).await,
            Sessions::Postgres(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Sessions::Sqlite(s) => s.load(id).await,
            Sessions::Postgres(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.delete(id).await,
            Sessions::Postgres(s) => s.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for Sessions {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.delete_expired().await,
            Sessions::Postgres(s) => s.delete_expired().await,
        }
    }
}
