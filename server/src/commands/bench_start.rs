//! `concord bench start`: the server time of the start page's read — the whole workspace —
//! for the first active person of each role, as percentiles.

use crate::cli::BenchStartArgs;
use app::domain::ids::UserId;
use app::store::db;
use chrono::Utc;
use std::time::Instant;

/// Runs the benchmark against an existing database (see `concord demo`).
pub async fn run(args: BenchStartArgs) -> anyhow::Result<()> {
    let pool = app::store::open(&args.db.db).await?;
    let people: Vec<(String, i64)> = db::query_as(
        "SELECT role, MIN(id) FROM users WHERE disabled_at IS NULL GROUP BY role ORDER BY role",
    )
    .fetch_all(&pool)
    .await?;
    if people.is_empty() {
        anyhow::bail!("the database has nobody to sign in: generate some with `concord demo`");
    }
    for (role, id) in people {
        let Some(user) = app::store::users::current_user(&pool, UserId(id)).await? else {
            continue;
        };
        let mut times = Vec::new();
        let mut listed = String::new();
        for _ in 0..args.runs.max(1) {
            let started = Instant::now();
            let w = app::store::workspace::load(&pool, &user, Utc::now()).await?;
            times.push(started.elapsed().as_secs_f64() * 1_000.0);
            listed = format!(
                "{} one-off touches and {} campaigns today, {} campaigns of theirs to go out",
                w.today.touches.len(),
                w.today.campaigns.len(),
                w.campaigns.map_or(0, |c| c.total)
            );
        }
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "start page, {role} ({}): p50 {:.1} ms, p90 {:.1} ms ({listed})",
            user.name,
            at(0.5),
            at(0.9)
        );
    }
    pool.close().await;
    Ok(())
}
