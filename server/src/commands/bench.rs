//! `concord bench preview`: times a campaign preview over the first N contacts and a bare
//! SQLite indexed range scan of the same recipients' touches in the same window, in the same
//! run (alternating, `--runs` times; the best of each counts), and prints both and their ratio
//! (the last line).

use crate::cli::BenchPreviewArgs;
use anyhow::bail;
use app::domain::ids::{TeamId, UserId};
use app::domain::{Channel, ProposedTouch, Purpose, Rules};
use app::store::db;
use app::store::preview::{
    bare_scan, ledger_window, preview_campaign, AudienceQuery, PreviewRequest,
};
use chrono::{DateTime, TimeDelta};
use std::time::Instant;

/// Runs the benchmark against an existing database (see `concord demo`).
pub async fn run(args: BenchPreviewArgs) -> anyhow::Result<()> {
    let pool = app::store::open(&args.db.db).await?;
    let n = i64::try_from(args.recipients)?;
    let (first, last, count): (Option<i64>, Option<i64>, i64) = db::query_as(
        "SELECT MIN(id), MAX(id), COUNT(*) FROM (SELECT id FROM contacts ORDER BY id LIMIT ?) AS r",
    )
    .bind(n)
    .fetch_one(&pool)
    .await?;
    let (Some(first), Some(last)) = (first, last) else {
        bail!("the database has no contacts: generate some with `concord demo`");
    };
    let (low, high): (Option<i64>, Option<i64>) =
        db::query_as("SELECT MIN(scheduled_at), MAX(scheduled_at) FROM touches")
            .fetch_one(&pool)
            .await?;
    let middle = (low.unwrap_or(0) + high.unwrap_or(0)) / 2;
    let at = DateTime::from_timestamp(middle - middle % 86_400 + 15 * 3600, 0).unwrap_or_default();
    let (team, author): (i64, i64) =
        db::query_as("SELECT team_id, id FROM users ORDER BY role <> 'marketer', id LIMIT 1")
            .fetch_one(&pool)
            .await?;
    let rules = Rules::default();
    let touch = ProposedTouch::new(
        Channel::Email,
        Purpose::Promotional,
        TeamId(team),
        UserId(author),
        at,
    );
    let request = PreviewRequest {
        audience: AudienceQuery {
            limit: Some(args.recipients),
            ..AudienceQuery::default()
        },
        touch,
        horizon: TimeDelta::days(14),
        samples_per_rule: 3,
        samples_from: None,
    };
    let window = ledger_window(&rules, at, request.horizon);
    bare_scan(&pool, first, last, window).await?; // warms the page cache for both runs
    let (mut preview_time, mut scan_time, mut outcome) = (f64::MAX, f64::MAX, None);
    let mut rows = 0;
    for run in 1..=args.runs.max(1) {
        let started = Instant::now();
        let preview = preview_campaign(&pool, &rules, &request).await?;
        let this_preview = started.elapsed().as_secs_f64();
        let started = Instant::now();
        rows = bare_scan(&pool, first, last, window).await?;
        let this_scan = started.elapsed().as_secs_f64();
        eprintln!("concord: run {run}: preview {this_preview:.2} s, bare scan {this_scan:.2} s");
        preview_time = preview_time.min(this_preview);
        scan_time = scan_time.min(this_scan);
        outcome = Some(preview);
    }
    let preview = outcome.unwrap_or_default();
    pool.close().await;
    println!("campaign: email promotional at {at}; contacts {first}..={last} ({count}); ledger window {} d; {rows} touches scanned",
        (window.to - window.from) / 86_400);
    println!(
        "recipients {}: {} allowed, {} warned, {} blocked",
        preview.recipients, preview.allowed, preview.warned, preview.blocked
    );
    for (rule, hits) in &preview.by_rule {
        println!("  {:<22} {hits}", rule.as_str());
    }
    // The best run of each, so that other work on the machine skews them less.
    println!(
        "preview {} recipients: {preview_time:.2} s; bare scan: {scan_time:.2} s; ratio {:.2}",
        preview.recipients,
        preview_time / scan_time
    );
    Ok(())
}
