//! The two engines behind one store: SQLite (one file, the embedded default) and PostgreSQL
//! (several `concord serve` processes on one database). Store functions write their SQL once,
//! with `$N` or `?` placeholders, and run it through [`query`], [`query_as`] or
//! [`query_scalar`] on a [`Db`] or a [`Conn`]; a statement the dialects disagree on gives a
//! second text with [`Sql::dialects`]. Rows decode natively on each engine (a row type derives
//! `sqlx::FromRow`, which is generic over the row). Nothing above the store sees which engine
//! it is on.

mod arg;
mod builder;
mod conn;
mod location;
mod placeholders;
mod query;
mod row;
mod sql;

pub use arg::Arg;
pub use builder::SqlBuilder;
pub use conn::{Conn, Ex};
pub use location::Location;
pub use query::{query, query_as, query_scalar, Done, Query, QueryAs, QueryScalar, Record, Value};
pub use row::{DbRow, Index};
pub use sql::Sql;

use sqlx::{PgPool, SqlitePool};

/// Which database a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// A pool of connections to the ledger on either engine.
#[derive(Clone, Debug)]
pub enum Db {
    /// SQLite connections to one file.
    Sqlite(SqlitePool),
    /// PostgreSQL connections to one database.
    Postgres(PgPool),
}

/// Every write transaction on PostgreSQL that names no contact takes this advisory lock: rare
/// admin writes (users, teams, rules, imports) run one at a time across all nodes, as every
/// write does on SQLite.
const ADMIN_LOCK: i64 = 0x63_6f6e_636f_7264;

impl Db {
    /// The engine this pool talks to.
    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// A connection of the pool, outside any transaction.
    pub async fn acquire(&self) -> Result<Conn, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(p) => Conn::SqlitePooled(p.acquire().await?),
            Db::Postgres(p) => Conn::PgPooled(p.acquire().await?),
        })
    }

    /// A read transaction: one snapshot on SQLite; on PostgreSQL a `REPEATABLE READ` read-only
    /// transaction, so that its statements agree with each other.
    pub async fn begin_read(&self) -> Result<Conn, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(p) => Conn::SqliteTx(p.begin().await?),
            Db::Postgres(p) => Conn::PgTx(
                p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .await?,
            ),
        })
    }

    /// A write transaction that excludes every other writer for its whole length: SQLite's
    /// write lock (`BEGIN IMMEDIATE`), on PostgreSQL an advisory lock all nodes share. For rare
    /// writes; per-contact work uses [`Db::begin_for_contacts`].
    pub async fn begin_write(&self) -> Result<Conn, sqlx::Error> {
        match self {
            Db::Sqlite(p) => Ok(Conn::SqliteTx(p.begin_with("BEGIN IMMEDIATE").await?)),
            Db::Postgres(p) => {
                let mut tx = Conn::PgTx(p.begin().await?);
                query("SELECT pg_advisory_xact_lock($1)")
                    .bind(ADMIN_LOCK)
                    .execute(&mut tx)
                    .await?;
                Ok(tx)
            }
        }
    }

    /// A write transaction over the given contacts' rows: SQLite's write lock; on PostgreSQL
    /// (`READ COMMITTED`) the contacts' rows locked `FOR UPDATE` in id order before anything
    /// is read, so two planners of one contact on two nodes take turns and the second sees
    /// what the first wrote, while planners of other contacts go on. Contacts that do not
    /// exist lock nothing.
    pub async fn begin_for_contacts(&self, contacts: &[i64]) -> Result<Conn, sqlx::Error> {
        match self {
            Db::Sqlite(p) => Ok(Conn::SqliteTx(p.begin_with("BEGIN IMMEDIATE").await?)),
            Db::Postgres(p) => {
                let mut tx = Conn::PgTx(p.begin().await?);
                tx.lock_contacts(contacts).await?;
                Ok(tx)
            }
        }
    }

    /// Closes every connection of the pool.
    pub async fn close(&self) {
        match self {
            Db::Sqlite(p) => p.close().await,
            Db::Postgres(p) => p.close().await,
        }
    }
}
