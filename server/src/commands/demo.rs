//! `concord demo`: a synthetic company at any scale, deterministic for a seed and a reference
//! date; progress on standard error, a summary on standard output.

use crate::cli::DemoArgs;
use crate::synth::{generate, SynthOptions};
use chrono::{NaiveDate, Utc};
use std::time::Instant;

/// Creates the demo users if the database has none, then generates the ledger.
pub async fn run(args: DemoArgs) -> anyhow::Result<()> {
    let reference = match &args.reference {
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|e| anyhow::anyhow!("--reference {text:?} is not a YYYY-MM-DD date: {e}"))?,
        None => Utc::now().date_naive(),
    };
    let pool = app::store::open(&args.db.db).await?;
    crate::demo::create_users_if_none(&pool).await?;
    let options = SynthOptions {
        contacts: args.contacts,
        touches: args.touches,
        seed: args.seed,
        reference,
    };
    let started = Instant::now();
    let step = (args.contacts / 10).max(1);
    let mut shown = 0;
    let mut progress = |done: u64| {
        if done >= shown + step {
            shown = done;
            eprintln!("concord: {done} of {} contacts", args.contacts);
        }
    };
    let report = generate(&pool, options, &mut progress).await?;
    pool.close().await;
    println!(
        "generated {} contacts, {} touches, {} interactions, {} claims, {} campaigns around {reference} (seed {}) in {:.1} s",
        report.contacts,
        report.touches,
        report.interactions,
        report.claims,
        report.campaigns,
        args.seed,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
