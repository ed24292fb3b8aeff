//! Where the ledger lives, as `--db` and `CONCORD_DB` name it: a SQLite file (a path or a
//! `sqlite:` URL) or a PostgreSQL database (`postgres://` or `postgresql://`).

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A database Concord can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file (created if missing).
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL.
    Postgres(String),
}

impl Location {
    /// The SQLite file, when the ledger is one.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            Location::Sqlite(path) => Some(path),
            Location::Postgres(_) => None,
        }
    }
}

impl Location {
    /// The location as `--db` takes it (a PostgreSQL URL with its password).
    pub fn to_url(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(url) => url.clone(),
        }
    }
}

impl FromStr for Location {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err("the database is empty: give a file path or a postgres:// URL".into());
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(Location::Postgres(s.to_owned()));
        }
        if let Some(rest) = s
            .strip_prefix("sqlite://")
            .or_else(|| s.strip_prefix("sqlite:"))
        {
            let path = rest.split('?').next().unwrap_or(rest);
            if path.is_empty() {
                return Err("a sqlite: URL needs a file path".into());
            }
            return Ok(Location::Sqlite(PathBuf::from(path)));
        }
        if s.contains("://") {
            return Err(format!(
                "unknown database URL {s:?}: use a file path, sqlite:PATH or postgres://…"
            ));
        }
        Ok(Location::Sqlite(PathBuf::from(s)))
    }
}

impl From<PathBuf> for Location {
    fn from(path: PathBuf) -> Self {
        Location::Sqlite(path)
    }
}

impl From<&Path> for Location {
    fn from(path: &Path) -> Self {
        Location::Sqlite(path.to_path_buf())
    }
}

impl fmt::Display for Location {
    /// The file path, or the URL without its password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => match url.split_once('@') {
                Some((head, tail)) => match head.rsplit_once(':') {
                    Some((user, _)) if user.contains("//") && !user.ends_with('/') => {
                        write!(f, "{user}:***@{tail}")
                    }
                    _ => write!(f, "{url}"),
                },
                None => write!(f, "{url}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_urls_pick_the_engine() {
        assert_eq!(
            "concord.db".parse(),
            Ok(Location::Sqlite("concord.db".into()))
        );
        assert_eq!(
            "sqlite:/tmp/c.db?mode=rwc".parse(),
            Ok(Location::Sqlite("/tmp/c.db".into()))
        );
        assert_eq!(
            "postgres://u:p@h:5/db".parse(),
            Ok(Location::Postgres("postgres://u:p@h:5/db".into()))
        );
        assert!("mysql://x".parse::<Location>().is_err());
        assert!("".parse::<Location>().is_err());
    }

    #[test]
    fn the_shown_url_hides_the_password() {
        let l: Location = "postgres://concord:secret@db:5432/concord".parse().unwrap();
        assert_eq!(l.to_string(), "postgres://concord:***@db:5432/concord");
        let l: Location = "postgres://concord@db/concord".parse().unwrap();
        assert_eq!(l.to_string(), "postgres://concord@db/concord");
    }
}
