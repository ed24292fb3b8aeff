//! Statements with their arguments, run on either engine: the same calls as sqlx's `query`,
//! `query_as` and `query_scalar`, so that store code reads as before.

use super::arg::{self, Arg};
use super::conn::Ex;
use super::row::DbRow;
use super::sql::Sql;
use super::Engine;
use futures_util::stream::{BoxStream, StreamExt};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Decode, FromRow, Postgres, Sqlite, Type};
use std::marker::PhantomData;

/// A row type both engines decode (derive `sqlx::FromRow`; tuples of [`Value`]s work too).
pub trait Record:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin + 'static
{
}
impl<T> Record for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin + 'static
{
}

/// A column type both engines decode.
pub trait Value:
    for<'r> Decode<'r, Sqlite>
    + Type<Sqlite>
    + for<'r> Decode<'r, Postgres>
    + Type<Postgres>
    + Send
    + Unpin
    + 'static
{
}
impl<T> Value for T where
    T: for<'r> Decode<'r, Sqlite>
        + Type<Sqlite>
        + for<'r> Decode<'r, Postgres>
        + Type<Postgres>
        + Send
        + Unpin
        + 'static
{
}

/// What a statement that returns no rows did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Done {
    rows: u64,
}

impl Done {
    /// How many rows it inserted, changed or deleted.
    pub fn rows_affected(&self) -> u64 {
        self.rows
    }
}

/// A statement and its arguments.
#[derive(Debug)]
pub struct Query {
    sql: Sql,
    args: Vec<Arg>,
}

/// Runs `$body` with `$s` the statement's text, `$a` its arguments and `$t` the executor, once
/// written and compiled per engine.
macro_rules! dispatch {
    ($q:expr, $ex:expr, |$s:ident, $a:ident, $t:ident| $body:expr) => {
        match $ex {
            Ex::SqlitePool($t) => {
                let $s = $q.sql.text(Engine::Sqlite);
                let $a = arg::sqlite(&$q.args)?;
                $body
            }
            Ex::Sqlite($t) => {
                let $s = $q.sql.text(Engine::Sqlite);
                let $a = arg::sqlite(&$q.args)?;
                $body
            }
            Ex::PgPool($t) => {
                let $s = $q.sql.text(Engine::Postgres);
                let $a = arg::postgres(&$q.args)?;
                $body
            }
            Ex::Pg($t) => {
                let $s = $q.sql.text(Engine::Postgres);
                let $a = arg::postgres(&$q.args)?;
                $body
            }
        }
    };
}

/// A statement whose rows are read as [`DbRow`]s (or that returns none).
pub fn query(sql: impl Into<Sql>) -> Query {
    Query {
        sql: sql.into(),
        args: Vec::new(),
    }
}

/// A statement whose rows decode into `T`.
pub fn query_as<T: Record>(sql: impl Into<Sql>) -> QueryAs<T> {
    QueryAs {
        inner: query(sql),
        row: PhantomData,
    }
}

/// A statement whose rows' first column decodes into `T`.
pub fn query_scalar<T: Value>(sql: impl Into<Sql>) -> QueryScalar<T> {
    QueryScalar {
        inner: query(sql),
        value: PhantomData,
    }
}

impl Query {
    /// Binds the next placeholder.
    pub fn bind(mut self, value: impl Into<Arg>) -> Self {
        self.args.push(value.into());
        self
    }

    /// Runs the statement.
    pub async fn execute<'c>(self, ex: impl Into<Ex<'c>>) -> Result<Done, sqlx::Error> {
        dispatch!(self, ex.into(), |s, a, t| sqlx::query_with(&s, a)
            .execute(t)
            .await
            .map(|r| Done {
                rows: r.rows_affected()
            }))
    }

    /// The one row the statement answers (an error when none).
    pub async fn fetch_one<'c>(self, ex: impl Into<Ex<'c>>) -> Result<DbRow, sqlx::Error> {
        dispatch!(self, ex.into(), |s, a, t| sqlx::query_with(&s, a)
            .fetch_one(t)
            .await
            .map(DbRow::from))
    }

    /// The first row, if any.
    pub async fn fetch_optional<'c>(
        self,
        ex: impl Into<Ex<'c>>,
    ) -> Result<Option<DbRow>, sqlx::Error> {
        dispatch!(self, ex.into(), |s, a, t| sqlx::query_with(&s, a)
            .fetch_optional(t)
            .await
            .map(|r| r.map(DbRow::from)))
    }

    /// Every row.
    pub async fn fetch_all<'c>(self, ex: impl Into<Ex<'c>>) -> Result<Vec<DbRow>, sqlx::Error> {
        dispatch!(self, ex.into(), |s, a, t| sqlx::query_with(&s, a)
            .fetch_all(t)
            .await
            .map(|rows| rows.into_iter().map(DbRow::from).collect()))
    }

    /// The rows one at a time, as the engine produces them. A statement written as a constant
    /// streams; one assembled at run time is read whole first.
    pub fn fetch<'c>(self, ex: impl Into<Ex<'c>>) -> BoxStream<'c, Result<DbRow, sqlx::Error>> {
        let ex = ex.into();
        let engine = match ex {
            Ex::SqlitePool(_) | Ex::Sqlite(_) => Engine::Sqlite,
            Ex::PgPool(_) | Ex::Pg(_) => Engine::Postgres,
        };
        let Some(text) = self.sql.static_text(engine) else {
            return futures_util::stream::once(self.fetch_all(ex))
                .flat_map(|rows| match rows {
                    Ok(rows) => futures_util::stream::iter(rows.into_iter().map(Ok)).boxed(),
                    Err(e) => futures_util::stream::once(async { Err(e) }).boxed(),
                })
                .boxed();
        };
        let failed = |e: sqlx::Error| futures_util::stream::once(async { Err(e) }).boxed();
        match ex {
            Ex::SqlitePool(p) => match arg::sqlite(&self.args) {
                Ok(a) => sqlx::query_with(text, a)
                    .fetch(p)
                    .map(|r| r.map(DbRow::from))
                    .boxed(),
                Err(e) => failed(e),
            },
            Ex::Sqlite(c) => match arg::sqlite(&self.args) {
                Ok(a) => sqlx::query_with(text, a)
                    .fetch(c)
                    .map(|r| r.map(DbRow::from))
                    .boxed(),
                Err(e) => failed(e),
            },
            Ex::PgPool(p) => match arg::postgres(&self.args) {
                Ok(a) => sqlx::query_with(text, a)
                    .fetch(p)
                    .map(|r| r.map(DbRow::from))
                    .boxed(),
                Err(e) => failed(e),
            },
            Ex::Pg(c) => match arg::postgres(&self.args) {
                Ok(a) => sqlx::query_with(text, a)
                    .fetch(c)
                    .map(|r| r.map(DbRow::from))
                    .boxed(),
                Err(e) => failed(e),
            },
        }
    }
}

/// A statement whose rows decode into `T`.
#[derive(Debug)]
pub struct QueryAs<T> {
    inner: Query,
    row: PhantomData<fn() -> T>,
}

impl<T: Record> QueryAs<T> {
    /// Binds the next placeholder.
    pub fn bind(mut self, value: impl Into<Arg>) -> Self {
        self.inner = self.inner.bind(value);
        self
    }

    /// The one row the statement answers (an error when none).
    pub async fn fetch_one<'c>(self, ex: impl Into<Ex<'c>>) -> Result<T, sqlx::Error> {
        dispatch!(self.inner, ex.into(), |s, a, t| sqlx::query_as_with(&s, a)
            .fetch_one(t)
            .await)
    }

    /// The first row, if any.
    pub async fn fetch_optional<'c>(self, ex: impl Into<Ex<'c>>) -> Result<Option<T>, sqlx::Error> {
        dispatch!(self.inner, ex.into(), |s, a, t| sqlx::query_as_with(&s, a)
            .fetch_optional(t)
            .await)
    }

    /// Every row.
    pub async fn fetch_all<'c>(self, ex: impl Into<Ex<'c>>) -> Result<Vec<T>, sqlx::Error> {
        dispatch!(self.inner, ex.into(), |s, a, t| sqlx::query_as_with(&s, a)
            .fetch_all(t)
            .await)
    }
}

/// A statement whose rows' first column decodes into `T`.
#[derive(Debug)]
pub struct QueryScalar<T> {
    inner: Query,
    value: PhantomData<fn() -> T>,
}

impl<T: Value> QueryScalar<T> {
    /// Binds the next placeholder.
    pub fn bind(mut self, value: impl Into<Arg>) -> Self {
        self.inner = self.inner.bind(value);
        self
    }

    /// The value of the one row the statement answers (an error when none).
    pub async fn fetch_one<'c>(self, ex: impl Into<Ex<'c>>) -> Result<T, sqlx::Error> {
        dispatch!(self.inner, ex.into(), |s, a, t| sqlx::query_scalar_with(
            &s, a
        )
        .fetch_one(t)
        .await)
    }

    /// The first row's value, if any.
    pub async fn fetch_optional<'c>(self, ex: impl Into<Ex<'c>>) -> Result<Option<T>, sqlx::Error> {
        dispatch!(self.inner, ex.into(), |s, a, t| sqlx::query_scalar_with(
            &s, a
        )
        .fetch_optional(t)
        .await)
    }

    /// Every row's value.
    pub async fn fetch_all<'c>(self, ex: impl Into<Ex<'c>>) -> Result<Vec<T>, sqlx::Error> {
        dispatch!(self.inner, ex.into(), |s, a, t| sqlx::query_scalar_with(
            &s, a
        )
        .fetch_all(t)
        .await)
    }
}
