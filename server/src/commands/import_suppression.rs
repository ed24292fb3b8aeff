//! `concord import suppression FILE --name N --date D`: a dated suppression list into the
//! ledger; bad lines on standard error, a summary with the time taken on standard output.

use crate::cli::ImportSuppressionArgs;
use anyhow::Context;
use app::domain::compliance::suppression::ListMeta;
use app::store::suppression::import::import_list;
use chrono::Utc;
use std::time::Instant;

/// Runs the import and prints its report.
pub async fn run(args: ImportSuppressionArgs) -> anyhow::Result<()> {
    let today = Utc::now().date_naive();
    let meta = ListMeta::parse(&args.name, &args.kind, &args.channels, &args.date, today)?;
    let started = Instant::now();
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let pool = app::store::open(&args.db.db).await?;
    let imported = import_list(&pool, &meta, &text, None, Utc::now())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    pool.close().await;
    for bad in &imported.rejected {
        eprintln!("line {}: {}", bad.line, bad.reason);
    }
    if imported.rejected_count > imported.rejected.len() {
        eprintln!(
            "… and {} more lines that could not be read",
            imported.rejected_count - imported.rejected.len()
        );
    }
    println!(
        "list {}: {} entries, {} contacts blocked, {} lines rejected, in {:.2} s",
        imported.id,
        imported.entries,
        imported.contacts_blocked,
        imported.rejected_count,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
