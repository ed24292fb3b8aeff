//! A value bound to a statement's placeholder, kept until the statement runs on one engine.

use sqlx::postgres::PgArguments;
use sqlx::sqlite::SqliteArguments;
use sqlx::Arguments;

/// One bound value. The store binds integers (instants are Unix seconds), text, flags, reals
/// and lists of integers (PostgreSQL only: `= ANY($1)`).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A 64-bit integer or NULL.
    Int(Option<i64>),
    /// Text or NULL.
    Text(Option<String>),
    /// A flag or NULL (an integer 0/1 on SQLite, a `boolean` on PostgreSQL).
    Bool(Option<bool>),
    /// A double or NULL.
    Real(Option<f64>),
    /// Integers (PostgreSQL arrays only).
    Ints(Vec<i64>),
}

macro_rules! arg_from {
    ($variant:ident, $($t:ty => $conv:expr),+) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                #[allow(clippy::redundant_closure_call)]
                Arg::$variant(Some(($conv)(v)))
            }
        }
        impl From<Option<$t>> for Arg {
            fn from(v: Option<$t>) -> Arg {
                #[allow(clippy::redundant_closure_call)]
                Arg::$variant(v.map($conv))
            }
        }
    )+};
}

arg_from!(Int, i64 => |v| v, i32 => i64::from, u32 => i64::from);
arg_from!(Text, String => |v| v, &str => str::to_owned, &String => String::clone);
arg_from!(Bool, bool => |v| v);
arg_from!(Real, f64 => |v| v);

impl From<&i64> for Arg {
    fn from(v: &i64) -> Arg {
        Arg::Int(Some(*v))
    }
}

impl From<&bool> for Arg {
    fn from(v: &bool) -> Arg {
        Arg::Bool(Some(*v))
    }
}

impl From<&Option<String>> for Arg {
    fn from(v: &Option<String>) -> Arg {
        Arg::Text(v.clone())
    }
}

impl From<&Vec<i64>> for Arg {
    fn from(v: &Vec<i64>) -> Arg {
        Arg::Ints(v.clone())
    }
}

impl From<&[i64]> for Arg {
    fn from(v: &[i64]) -> Arg {
        Arg::Ints(v.to_vec())
    }
}

/// The arguments for SQLite.
pub(super) fn sqlite(args: &[Arg]) -> Result<SqliteArguments<'static>, sqlx::Error> {
    let mut out = SqliteArguments::default();
    for arg in args {
        let added = match arg.clone() {
            Arg::Int(v) => out.add(v),
            Arg::Text(v) => out.add(v),
            Arg::Bool(v) => out.add(v),
            Arg::Real(v) => out.add(v),
            Arg::Ints(_) => {
                return Err(sqlx::Error::Protocol(
                    "SQLite has no array arguments".into(),
                ))
            }
        };
        added.map_err(sqlx::Error::Encode)?;
    }
    Ok(out)
}

/// The arguments for PostgreSQL.
pub(super) fn postgres(args: &[Arg]) -> Result<PgArguments, sqlx::Error> {
    let mut out = PgArguments::default();
    for arg in args {
        let added = match arg.clone() {
            Arg::Int(v) => out.add(v),
            Arg::Text(v) => out.add(v),
            Arg::Bool(v) => out.add(v),
            Arg::Real(v) => out.add(v),
            Arg::Ints(v) => out.add(v),
        };
        added.map_err(sqlx::Error::Encode)?;
    }
    Ok(out)
}
