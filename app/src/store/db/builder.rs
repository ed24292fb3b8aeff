//! Statements assembled at run time (filters, `IN` lists, `VALUES` rows): text with numbered
//! placeholders and the values bound to them.

use super::arg::Arg;
use super::query::{query, query_as, query_scalar, Query, QueryAs, QueryScalar, Record, Value};
use super::sql::Sql;

/// A statement being written: [`SqlBuilder::push`] text, [`SqlBuilder::push_bind`] a value (it
/// writes `$N`), then [`SqlBuilder::build`] it.
#[derive(Clone, Debug, Default)]
pub struct SqlBuilder {
    sql: String,
    /// PostgreSQL's text, where it differs from `sql`.
    postgres: Option<String>,
    args: Vec<Arg>,
}

impl SqlBuilder {
    /// A statement starting with `start`.
    pub fn new(start: impl Into<String>) -> Self {
        Self {
            sql: start.into(),
            postgres: None,
            args: Vec::new(),
        }
    }

    /// Appends text.
    pub fn push(&mut self, text: impl std::fmt::Display) -> &mut Self {
        use std::fmt::Write;
        let _ = write!(self.sql, "{text}");
        if let Some(pg) = &mut self.postgres {
            let _ = write!(pg, "{text}");
        }
        self
    }

    /// Appends `sqlite` on SQLite and `postgres` on PostgreSQL, where the dialects differ.
    pub fn push_dialects(&mut self, sqlite: &str, postgres: &str) -> &mut Self {
        let pg = self.postgres.get_or_insert_with(|| self.sql.clone());
        pg.push_str(postgres);
        self.sql.push_str(sqlite);
        self
    }

    /// Appends a placeholder bound to `value`.
    pub fn push_bind(&mut self, value: impl Into<Arg>) -> &mut Self {
        self.args.push(value.into());
        let n = self.args.len();
        self.push(format_args!("${n}"))
    }

    fn text(&mut self) -> Sql {
        let sql = std::mem::take(&mut self.sql);
        match self.postgres.take() {
            Some(pg) => Sql::dialects(sql, pg),
            None => Sql::from(sql),
        }
    }

    /// The statement, its rows read as [`DbRow`](super::DbRow)s.
    pub fn build(mut self) -> Query {
        let text = self.text();
        self.args
            .into_iter()
            .fold(query(text), |q, arg| q.bind(arg))
    }

    /// The statement, its rows decoded into `T`.
    pub fn build_query_as<T: Record>(mut self) -> QueryAs<T> {
        let text = self.text();
        self.args
            .into_iter()
            .fold(query_as(text), |q, arg| q.bind(arg))
    }

    /// The statement, its rows' first column decoded into `T`.
    pub fn build_query_scalar<T: Value>(mut self) -> QueryScalar<T> {
        let text = self.text();
        self.args
            .into_iter()
            .fold(query_scalar(text), |q, arg| q.bind(arg))
    }
}
