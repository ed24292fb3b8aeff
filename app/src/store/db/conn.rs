//! One connection, in a transaction or not, on either engine; and what a statement runs on.

use super::{query, Db};
use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, Postgres, Sqlite, SqliteConnection, Transaction};

/// A connection taken from a [`Db`](super::Db): plain, or inside a transaction that ends with
/// [`Conn::commit`] (dropped without it, the transaction rolls back).
#[derive(Debug)]
pub enum Conn {
    /// A SQLite connection outside a transaction.
    SqlitePooled(PoolConnection<Sqlite>),
    /// A SQLite transaction.
    SqliteTx(Transaction<'static, Sqlite>),
    /// A PostgreSQL connection outside a transaction.
    PgPooled(PoolConnection<Postgres>),
    /// A PostgreSQL transaction.
    PgTx(Transaction<'static, Postgres>),
}

impl Conn {
    /// Commits the transaction (a plain connection has nothing to commit).
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Conn::SqliteTx(tx) => tx.commit().await,
            Conn::PgTx(tx) => tx.commit().await,
            Conn::SqlitePooled(_) | Conn::PgPooled(_) => Ok(()),
        }
    }

    /// The engine this connection talks to.
    pub fn engine(&self) -> super::Engine {
        match self {
            Conn::SqlitePooled(_) | Conn::SqliteTx(_) => super::Engine::Sqlite,
            Conn::PgPooled(_) | Conn::PgTx(_) => super::Engine::Postgres,
        }
    }

    /// Whether rows must be locked explicitly (PostgreSQL): on SQLite a write transaction
    /// already excludes every other writer.
    pub fn locks_rows(&self) -> bool {
        matches!(self, Conn::PgTx(_))
    }

    /// Locks the contacts' rows until the transaction ends, in id order (PostgreSQL; on SQLite
    /// the transaction already holds the write lock).
    pub async fn lock_contacts(&mut self, contacts: &[i64]) -> Result<(), sqlx::Error> {
        if !matches!(self, Conn::PgTx(_)) || contacts.is_empty() {
            return Ok(());
        }
        let mut ids = contacts.to_vec();
        ids.sort_unstable();
        ids.dedup();
        if let Conn::PgTx(tx) = self {
            sqlx::query("SELECT id FROM contacts WHERE id = ANY($1) ORDER BY id FOR UPDATE")
                .bind(&ids)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Takes the advisory lock `key` for the rest of the transaction if no other transaction
    /// holds it (PostgreSQL); true when taken. On SQLite the write lock already excludes every
    /// other writer: always true.
    pub async fn try_lock(&mut self, key: i64) -> Result<bool, sqlx::Error> {
        match self {
            Conn::PgTx(_) | Conn::PgPooled(_) => {
                query::query_scalar::<bool>("SELECT pg_try_advisory_xact_lock($1)")
                    .bind(key)
                    .fetch_one(self)
                    .await
            }
            Conn::SqliteTx(_) | Conn::SqlitePooled(_) => Ok(true),
        }
    }
}

/// What a statement runs on: a pool (one connection for the statement) or a connection.
pub enum Ex<'c> {
    /// Any connection of a SQLite pool.
    SqlitePool(&'c sqlx::SqlitePool),
    /// One SQLite connection.
    Sqlite(&'c mut SqliteConnection),
    /// Any connection of a PostgreSQL pool.
    PgPool(&'c sqlx::PgPool),
    /// One PostgreSQL connection.
    Pg(&'c mut PgConnection),
}

impl<'c> From<&'c Db> for Ex<'c> {
    fn from(db: &'c Db) -> Self {
        match db {
            Db::Sqlite(p) => Ex::SqlitePool(p),
            Db::Postgres(p) => Ex::PgPool(p),
        }
    }
}

impl<'c> From<&'c mut Conn> for Ex<'c> {
    fn from(conn: &'c mut Conn) -> Self {
        match conn {
            Conn::SqlitePooled(c) => Ex::Sqlite(c),
            Conn::SqliteTx(c) => Ex::Sqlite(c),
            Conn::PgPooled(c) => Ex::Pg(c),
            Conn::PgTx(c) => Ex::Pg(c),
        }
    }
}

/// Tables whose ids are assigned by the database (PostgreSQL identities).
const IDENTITY_TABLES: &[&str] = &[
    "teams",
    "users",
    "contacts",
    "campaigns",
    "touches",
    "interactions",
    "touch_events",
    "claims",
    "claim_requests",
    "reviews",
    "api_tokens",
    "calendar_feeds",
    "sources",
    "hook_events",
    "dead_letters",
    "engagements",
    "audit_log",
    "contact_imports",
    "consent_records",
    "suppression_lists",
    "suppression_entries",
];

/// Bulk loading (the synthetic company, a copy between engines) on one plain connection.
impl Conn {
    /// Opens a transaction on this plain connection; [`Conn::commit_open`] ends it.
    pub async fn begin(&mut self) -> Result<(), sqlx::Error> {
        query("BEGIN").execute(self).await.map(|_| ())
    }

    /// Commits the transaction [`Conn::begin`] opened.
    pub async fn commit_open(&mut self) -> Result<(), sqlx::Error> {
        query("COMMIT").execute(self).await.map(|_| ())
    }

    /// Whether each commit waits for the disk: off only while loading data that can be loaded
    /// again (SQLite's `synchronous`, PostgreSQL's `synchronous_commit`, this connection only).
    pub async fn set_durable(&mut self, durable: bool) -> Result<(), sqlx::Error> {
        let sql = match (&*self, durable) {
            (Conn::SqlitePooled(_) | Conn::SqliteTx(_), true) => "PRAGMA synchronous = FULL",
            (Conn::SqlitePooled(_) | Conn::SqliteTx(_), false) => "PRAGMA synchronous = OFF",
            (Conn::PgPooled(_) | Conn::PgTx(_), true) => "SET synchronous_commit = on",
            (Conn::PgPooled(_) | Conn::PgTx(_), false) => "SET synchronous_commit = off",
        };
        query(sql).execute(self).await.map(|_| ())
    }

    /// Before loading touches into an empty ledger: on PostgreSQL the trigger that appends the
    /// calendar's count deltas is switched off until [`Conn::rebuild_counts`] (ten million
    /// touches would append twenty million deltas); SQLite keeps its counts through the load.
    pub async fn pause_counts(&mut self) -> Result<(), sqlx::Error> {
        if matches!(self, Conn::PgPooled(_) | Conn::PgTx(_)) {
            query("ALTER TABLE touches DISABLE TRIGGER touch_counts_insert_delete")
                .execute(self)
                .await?;
        }
        Ok(())
    }

    /// After a bulk load: the calendar's counts computed from the touches in one pass each, and
    /// the trigger back on (PostgreSQL; nothing to do on SQLite).
    pub async fn rebuild_counts(&mut self) -> Result<(), sqlx::Error> {
        if !matches!(self, Conn::PgPooled(_) | Conn::PgTx(_)) {
            return Ok(());
        }
        query("ALTER TABLE touches ENABLE TRIGGER touch_counts_insert_delete")
            .execute(&mut *self)
            .await?;
        query("DELETE FROM touch_deltas")
            .execute(&mut *self)
            .await?;
        query("DELETE FROM touch_counts")
            .execute(&mut *self)
            .await?;
        for scale in [3600, 900] {
            query(
                "INSERT INTO touch_counts
                     (scale, slot, team_id, channel, purpose, status, campaign_id, touches)
                 SELECT CAST($1 AS INTEGER), scheduled_at / $1, team_id, channel, purpose, status,
                        COALESCE(campaign_id, 0), COUNT(*)
                 FROM touches
                 GROUP BY scheduled_at / $1, team_id, channel, purpose, status,
                          COALESCE(campaign_id, 0)",
            )
            .bind(i64::from(scale))
            .execute(&mut *self)
            .await?;
        }
        Ok(())
    }

    /// Refreshes the planner's statistics after a bulk load.
    pub async fn analyze(&mut self) -> Result<(), sqlx::Error> {
        if matches!(self, Conn::SqlitePooled(_) | Conn::SqliteTx(_)) {
            query("PRAGMA analysis_limit = 1000")
                .execute(&mut *self)
                .await?;
        }
        query("ANALYZE").execute(self).await.map(|_| ())
    }

    /// After rows were inserted with their ids given: the next id each table assigns follows
    /// the largest stored (PostgreSQL; SQLite always picks the largest plus one).
    pub async fn reset_identities(&mut self) -> Result<(), sqlx::Error> {
        if !matches!(self, Conn::PgPooled(_) | Conn::PgTx(_)) {
            return Ok(());
        }
        for table in IDENTITY_TABLES {
            query(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .execute(&mut *self)
            .await?;
        }
        Ok(())
    }
}
