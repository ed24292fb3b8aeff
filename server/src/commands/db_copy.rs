//! `concord db copy --from DB --to DB`: moves a company between SQLite and PostgreSQL (or
//! between two databases of one engine), verified table by table; the target must be empty.
//! Sessions are not copied: everyone signs in again on the target.

use crate::cli::DbCopyArgs;
use anyhow::{bail, Context};
use app::store::copy::{copy, TableCopy};
use app::store::db::Location;
use std::time::Instant;

/// Opens both databases (migrating them), copies, verifies and prints one line per table.
pub async fn run(args: DbCopyArgs) -> anyhow::Result<()> {
    let copied = copy_between(&args.from, &args.to).await?;
    for t in &copied {
        println!("{:<16} {:>10} rows  sha256 {}", t.table, t.rows, t.checksum);
    }
    Ok(())
}

/// The copy itself, with progress on standard error (also the PostgreSQL backup's).
pub async fn copy_between(from: &Location, to: &Location) -> anyhow::Result<Vec<TableCopy>> {
    if from == to {
        bail!("--from and --to name the same database");
    }
    if let Location::Sqlite(path) = from {
        if !path.exists() {
            bail!("there is no database at {}", path.display());
        }
    }
    let source = app::store::open(from)
        .await
        .with_context(|| format!("cannot open {from}"))?;
    let target = app::store::open(to)
        .await
        .with_context(|| format!("cannot open {to}"))?;
    let started = Instant::now();
    let mut shown = String::new();
    let mut progress = |table: &str, rows: u64| {
        if table != shown || rows % 100_000 < 2_000 {
            eprintln!("concord: {table}: {rows} rows");
            shown = table.to_owned();
        }
    };
    let copied = copy(&source, &target, &mut progress).await?;
    let rows: u64 = copied.iter().map(|t| t.rows).sum();
    eprintln!(
        "concord: copied and verified {rows} rows in {} tables from {from} to {to} in {:.1} s",
        copied.len(),
        started.elapsed().as_secs_f64()
    );
    source.close().await;
    target.close().await;
    Ok(copied)
}
