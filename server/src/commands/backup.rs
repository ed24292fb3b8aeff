//! `concord backup --db PATH OUT`: a consistent online copy of the database, verified, holding
//! no live session.

use crate::cli::BackupArgs;
use anyhow::{bail, ensure, Context};
use app::store::db::Location;
use sqlx::{
    sqlite::{SqliteConnectOptions, SqliteJournalMode},
    ConnectOptions, Connection,
};
use std::path::{Path, PathBuf};

/// Copies the database in steps that leave either a whole, checked copy at `OUT` or nothing:
/// 1. the source is opened read-only and never migrated (a newer Concord's file is copied as
///    it is);
/// 2. SQLite's `VACUUM INTO` writes one snapshot of it (WAL included) to a temporary file next
///    to `OUT`, while the server keeps reading and writing;
/// 3. the copy's sessions are deleted with `secure_delete` on, so no session id is left even
///    in its free pages (API and feed tokens are stored as digests only);
/// 4. `PRAGMA integrity_check` must answer `ok`;
/// 5. the file is synced, renamed to `OUT`, and the folder synced.
///
/// A PostgreSQL database is backed up into a new SQLite file, by `concord db copy` (verified
/// table by table; no sessions are copied): a file any Concord can serve or copy back. Its own
/// tools (pg_dump, base backups) remain the way to back up a large PostgreSQL deployment.
pub async fn run(args: BackupArgs) -> anyhow::Result<()> {
    let out = &args.out;
    if out.exists() {
        bail!(
            "{} exists already; choose a new file for the backup",
            out.display()
        );
    }
    if let Location::Sqlite(source) = &args.db.db {
        if !source.exists() {
            bail!("there is no database at {}", source.display());
        }
    }
    let partial = partial_path(out);
    let written = async {
        match &args.db.db {
            Location::Sqlite(source) => vacuum_into(source, &partial).await?,
            Location::Postgres(_) => {
                let into = Location::Sqlite(partial.clone());
                crate::commands::db_copy::copy_between(&args.db.db, &into).await?;
            }
        }
        check_copy(&partial).await
    }
    .await;
    if let Err(e) = written {
        remove_with_sidecars(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, out)
        .with_context(|| format!("cannot move the backup into {}", out.display()))?;
    if let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(folder)
            .and_then(|f| f.sync_all())
            .with_context(|| format!("cannot sync {}", folder.display()))?;
    }
    eprintln!("backed up {} to {}", args.db.db, out.display());
    Ok(())
}

/// Removes a SQLite file and its WAL and shared-memory files.
fn remove_with_sidecars(file: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Where the copy is written before it is checked: beside `out`, so the rename is atomic.
fn partial_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".partial-{}", std::process::id()));
    out.with_file_name(name)
}

/// SQLite's `VACUUM INTO`: one snapshot of `source` written to `partial`.
async fn vacuum_into(source: &Path, partial: &Path) -> anyhow::Result<()> {
    let target = partial
        .to_str()
        .with_context(|| format!("{} is not a UTF-8 path", partial.display()))?;
    let mut reading = SqliteConnectOptions::new()
        .filename(source)
        .read_only(true)
        .connect()
        .await
        .with_context(|| format!("cannot open {} to read it", source.display()))?;
    sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(&mut reading)
        .await
        .with_context(|| format!("cannot write the backup to {target}"))?;
    reading.close().await?;
    Ok(())
}

/// The copy at `partial` made whole and checked: one file (its log folded in), no session
/// left (with `secure_delete`), `integrity_check` answering `ok`, synced.
async fn check_copy(partial: &Path) -> anyhow::Result<()> {
    let target = partial.display();
    // Leaving WAL mode needs every other connection to the file closed; the pool that wrote a
    // copy from PostgreSQL may still be closing its last connections for a moment.
    let mut tries = 0;
    let mut copy = loop {
        let opened = SqliteConnectOptions::new()
            .filename(partial)
            .journal_mode(SqliteJournalMode::Delete)
            .connect()
            .await;
        match opened {
            Ok(copy) => break copy,
            Err(e) if tries < 50 && e.to_string().contains("locked") => {
                tries += 1;
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) => return Err(e).with_context(|| format!("cannot open the copy {target}")),
        }
    };
    sqlx::query("PRAGMA secure_delete = ON")
        .execute(&mut copy)
        .await?;
    let sessions: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'tower_sessions'",
    )
    .fetch_optional(&mut copy)
    .await?;
    if sessions.is_some() {
        sqlx::query("DELETE FROM tower_sessions")
            .execute(&mut copy)
            .await?;
    }
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut copy)
        .await?;
    ensure!(
        verdict == "ok",
        "the copy failed its integrity check: {verdict}"
    );
    copy.close().await?;
    std::fs::File::open(partial)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("cannot sync {target}"))?;
    Ok(())
}
