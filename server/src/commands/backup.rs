//! `concord backup --db PATH OUT`: a consistent online copy of the database.

use crate::cli::BackupArgs;
use anyhow::{bail, Context};
use app::store;

/// Writes the copy with SQLite's `VACUUM INTO`, which reads one snapshot of the database (WAL
/// included) while other connections keep reading and writing. SQLite-specific, like the file
/// itself: a PostgreSQL deployment backs up with its own tools.
pub async fn run(args: BackupArgs) -> anyhow::Result<()> {
    if args.out.exists() {
        bail!(
            "{} exists already; choose a new file for the backup",
            args.out.display()
        );
    }
    if !args.db.db.exists() {
        bail!("there is no database at {}", args.db.db.display());
    }
    let out = args
        .out
        .to_str()
        .with_context(|| format!("{} is not a UTF-8 path", args.out.display()))?;
    let pool = store::open(&args.db.db).await?;
    sqlx::query("VACUUM INTO ?")
        .bind(out)
        .execute(&pool)
        .await
        .with_context(|| format!("cannot write the backup to {out}"))?;
    eprintln!("backed up {} to {out}", args.db.db.display());
    Ok(())
}
