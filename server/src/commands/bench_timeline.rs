//! `concord bench timeline`: the server time of the contact timeline page's read — the contact
//! with its owner, eight weeks of touches and interactions, and its alerts — for contacts
//! spread over the database, as percentiles.

use crate::cli::BenchTimelineArgs;
use anyhow::bail;
use app::domain::ids::ContactId;
use app::store::db;
use chrono::{TimeDelta, Utc};
use std::time::Instant;

/// Runs the benchmark against an existing database (see `concord demo`).
pub async fn run(args: BenchTimelineArgs) -> anyhow::Result<()> {
    let pool = app::store::open(&args.db.db).await?;
    let (low, high): (Option<i64>, Option<i64>) =
        db::query_as("SELECT MIN(id), MAX(id) FROM contacts")
            .fetch_one(&pool)
            .await?;
    let (Some(low), Some(high)) = (low, high) else {
        bail!("the database has no contacts: generate some with `concord demo`");
    };
    let now = Utc::now();
    let (from, to) = (now - TimeDelta::days(28), now + TimeDelta::days(28));
    let reads = i64::from(args.reads.max(1));
    let span = high - low + 1;
    let (mut times, mut touches) = (Vec::new(), 0usize);
    for i in 0..reads {
        // A stride coprime with most spans visits contacts all over the id range.
        let id = ContactId(low + (i * 7_919 + 13) % span);
        let started = Instant::now();
        let timeline = app::store::timeline::timeline(&pool, id, from, to, now).await?;
        times.push(started.elapsed().as_secs_f64() * 1_000.0);
        touches += timeline.map_or(0, |t| t.touches.len());
    }
    pool.close().await;
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{} timelines over {} contacts, {:.1} touches each on average",
        times.len(),
        span,
        touches as f64 / times.len() as f64
    );
    println!(
        "timeline server time: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms (target: p50 <= 50 ms)",
        at(0.5),
        at(0.9),
        at(0.99)
    );
    Ok(())
}
