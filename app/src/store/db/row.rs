//! A row read without a row type, from either engine.

use super::query::Value;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{ColumnIndex, Row};

/// A column's position or name on both engines.
pub trait Index: ColumnIndex<SqliteRow> + ColumnIndex<PgRow> + std::fmt::Debug {}
impl<T: ColumnIndex<SqliteRow> + ColumnIndex<PgRow> + std::fmt::Debug> Index for T {}

/// One row as the engine returned it.
pub enum DbRow {
    /// From SQLite.
    Sqlite(SqliteRow),
    /// From PostgreSQL.
    Postgres(PgRow),
}

impl DbRow {
    /// The value of a column, by position or name.
    pub fn try_get<T: Value, I: Index>(&self, index: I) -> Result<T, sqlx::Error> {
        match self {
            DbRow::Sqlite(r) => r.try_get(index),
            DbRow::Postgres(r) => r.try_get(index),
        }
    }

    /// A text column, borrowed from the row.
    pub fn try_get_str<I: Index>(&self, index: I) -> Result<&str, sqlx::Error> {
        match self {
            DbRow::Sqlite(r) => r.try_get(index),
            DbRow::Postgres(r) => r.try_get(index),
        }
    }

    /// A text column that may be NULL, borrowed from the row.
    pub fn try_get_opt_str<I: Index>(&self, index: I) -> Result<Option<&str>, sqlx::Error> {
        match self {
            DbRow::Sqlite(r) => r.try_get(index),
            DbRow::Postgres(r) => r.try_get(index),
        }
    }
}

impl From<SqliteRow> for DbRow {
    fn from(row: SqliteRow) -> Self {
        DbRow::Sqlite(row)
    }
}

impl From<PgRow> for DbRow {
    fn from(row: PgRow) -> Self {
        DbRow::Postgres(row)
    }
}
