//! A statement's text: one for both engines, or one each where the dialects disagree.

use super::placeholders::numbered;
use super::Engine;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// The text of one statement.
#[derive(Clone, Debug)]
pub struct Sql {
    both: Cow<'static, str>,
    postgres: Option<Cow<'static, str>>,
}

impl Sql {
    /// A statement written once for SQLite and another for PostgreSQL (same placeholders, same
    /// columns in the same order).
    pub fn dialects(
        sqlite: impl Into<Cow<'static, str>>,
        postgres: impl Into<Cow<'static, str>>,
    ) -> Sql {
        Sql {
            both: sqlite.into(),
            postgres: Some(postgres.into()),
        }
    }

    /// The text to run on `engine` (a constant statement's PostgreSQL text is numbered once).
    pub fn text(&self, engine: Engine) -> Cow<'_, str> {
        if let Some(constant) = self.static_text(engine) {
            return Cow::Borrowed(constant);
        }
        match engine {
            Engine::Sqlite => Cow::Borrowed(&self.both),
            Engine::Postgres => numbered(self.postgres.as_deref().unwrap_or(&self.both)),
        }
    }
}

impl Sql {
    /// The text to run on `engine` when it lives for the whole program (a constant statement:
    /// its PostgreSQL text is numbered once and kept); none for a statement built at run time.
    pub fn static_text(&self, engine: Engine) -> Option<&'static str> {
        let source: &'static str = match (engine, &self.postgres) {
            (Engine::Postgres, Some(Cow::Borrowed(pg))) => pg,
            (Engine::Postgres, Some(Cow::Owned(_))) => return None,
            (_, _) => match self.both {
                Cow::Borrowed(text) => text,
                Cow::Owned(_) => return None,
            },
        };
        match engine {
            Engine::Sqlite => Some(source),
            Engine::Postgres => Some(numbered_once(source)),
        }
    }
}

/// The PostgreSQL text of a constant statement, numbered on first use and kept for the life of
/// the program (the store has a few hundred constant statements).
fn numbered_once(sql: &'static str) -> &'static str {
    static KEPT: LazyLock<Mutex<HashMap<usize, &'static str>>> = LazyLock::new(Default::default);
    let key = sql.as_ptr() as usize ^ (sql.len() << 48);
    let mut kept = KEPT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    kept.entry(key).or_insert_with(|| match numbered(sql) {
        Cow::Borrowed(same) => same,
        Cow::Owned(text) => Box::leak(text.into_boxed_str()),
    })
}

impl From<&'static str> for Sql {
    fn from(sql: &'static str) -> Sql {
        Sql {
            both: Cow::Borrowed(sql),
            postgres: None,
        }
    }
}

impl From<String> for Sql {
    fn from(sql: String) -> Sql {
        Sql {
            both: Cow::Owned(sql),
            postgres: None,
        }
    }
}

impl From<&String> for Sql {
    fn from(sql: &String) -> Sql {
        Sql::from(sql.clone())
    }
}
