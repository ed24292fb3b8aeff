//! `concord import contacts FILE`: a CSV file of contacts into the ledger, all or nothing
//! unless `--partial`; progress on standard error, a summary on standard output.

use crate::cli::ImportContactsArgs;
use anyhow::{bail, Context};
use app::domain::{import::ImportDefaults, Stage, TimeZone};
use app::store::import::{import_contacts, ImportOptions, ImportProgress};
use chrono::Utc;
use std::{fs::File, io::BufReader, time::Instant};

/// Runs the import and prints its report; an error when the file was refused.
pub async fn run(args: ImportContactsArgs) -> anyhow::Result<()> {
    let time_zone = args
        .default_timezone
        .as_deref()
        .map(TimeZone::parse)
        .transpose()?;
    let stage = Stage::parse(&args.default_stage)?;
    let file =
        File::open(&args.file).with_context(|| format!("cannot open {}", args.file.display()))?;
    let pool = app::store::open(&args.db.db).await?;
    let options = ImportOptions {
        partial: args.partial,
        defaults: ImportDefaults { time_zone, stage },
        now: Utc::now(),
        actor: None,
    };
    let started = Instant::now();
    let mut shown = 0;
    let mut progress = |p: ImportProgress| {
        if p.rows >= shown + 100_000 {
            shown = p.rows;
            eprintln!("concord: {} rows read, {} rejected", p.rows, p.rejected);
        }
    };
    let report = import_contacts(&pool, BufReader::new(file), &options, &mut progress).await?;
    pool.close().await;
    let seconds = started.elapsed().as_secs_f64();
    if !report.ignored_columns.is_empty() {
        eprintln!(
            "concord: ignored columns: {}",
            report.ignored_columns.join(", ")
        );
    }
    for row in &report.rejected {
        eprintln!("line {}: {}", row.line, row.error);
    }
    let unlisted = report.rejected_count - report.rejected.len() as u64;
    if unlisted > 0 {
        eprintln!("… and {unlisted} more rejected rows");
    }
    if report.rejected_count > 0 && !args.partial {
        let rows = if report.rejected_count == 1 {
            "row"
        } else {
            "rows"
        };
        bail!(
            "{} bad {rows}: nothing imported (fix them, or use --partial to import the good rows)",
            report.rejected_count
        );
    }
    println!(
        "imported {} contacts, updated {}, unchanged {}, rejected {} rows, in {seconds:.2} s",
        report.imported, report.updated, report.unchanged, report.rejected_count
    );
    Ok(())
}
