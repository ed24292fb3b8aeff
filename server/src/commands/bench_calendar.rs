//! `concord bench calendar`: loads the team calendar's data the way the page's server
//! function does (per-day totals, each day's campaigns as one item, the first other touches of
//! each day, the filter choices) for a month and a week — all teams, one team, a sparse filter
//! (SMS only) and the campaign nearest the date — `--runs` times each, and prints the p50 and
//! p90 of each.

use crate::cli::BenchCalendarArgs;
use anyhow::Context;
use app::calendar::range::View;
use app::domain::ids::TeamId;
use app::domain::{Channel, TimeZone};
use app::models::calendar::CalendarFilter;
use app::store::calendar::{calendar_days, day_spans, filter_choices};
use app::store::db;
use chrono::{DateTime, NaiveDate};
use db::Db;
use std::time::Instant;

/// Runs the benchmark against an existing database (see `concord demo`).
pub async fn run(args: BenchCalendarArgs) -> anyhow::Result<()> {
    let pool = app::store::open(&args.db.db).await?;
    let zone = TimeZone::parse(&args.zone)?;
    let date = match &args.date {
        Some(text) => text
            .parse::<NaiveDate>()
            .context("--date: expected YYYY-MM-DD")?,
        None => middle_date(&pool).await?,
    };
    let (team, team_name): (i64, String) = db::query_as(
        "SELECT t.id, t.name FROM teams t ORDER BY (SELECT COUNT(*) FROM users u WHERE u.team_id = t.id) DESC, t.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .context("the database has no teams: generate a company with `concord demo`")?;
    let touches: i64 = db::query_scalar("SELECT MAX(id) FROM touches")
        .fetch_one(&pool)
        .await
        .unwrap_or(0);
    println!(
        "calendar around {date} in {}; ~{touches} touches; team filter: {team_name}",
        zone.name()
    );
    let team_filter = CalendarFilter {
        team: Some(TeamId(team)),
        ..CalendarFilter::default()
    };
    let sparse = CalendarFilter {
        channel: Some(Channel::Sms),
        ..CalendarFilter::default()
    };
    let nearest: Option<i64> =
        db::query_scalar("SELECT id FROM campaigns ORDER BY ABS(scheduled_at - ?) LIMIT 1")
            .bind(date.and_time(chrono::NaiveTime::MIN).and_utc().timestamp())
            .fetch_optional(&pool)
            .await?;
    let one_campaign = CalendarFilter {
        campaign: nearest.map(app::domain::ids::CampaignId),
        ..CalendarFilter::default()
    };
    let scenarios = [
        ("all teams", CalendarFilter::default()),
        ("one team", team_filter),
        ("sms only", sparse),
        ("campaign", one_campaign),
    ];
    for view in [View::Month, View::Week] {
        for (label, filter) in scenarios.clone() {
            let mut times = Vec::with_capacity(args.runs as usize);
            let mut shown = (0, 0, 0);
            for _ in 0..args.runs.max(1) {
                let started = Instant::now();
                shown = load(&pool, view, date, zone, &filter).await?;
                times.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            times.sort_by(f64::total_cmp);
            let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
            println!(
                "{:<5} {:<9}: p50 {:6.1} ms, p90 {:6.1} ms ({} touches counted, {} campaign items and {} touches shown)",
                view.as_str(),
                label,
                at(0.5),
                at(0.9),
                shown.0,
                shown.1,
                shown.2
            );
        }
    }
    pool.close().await;
    Ok(())
}

/// One page's worth of store work: totals, campaign items and first touches per day, and the
/// choices.
async fn load(
    pool: &Db,
    view: View,
    date: NaiveDate,
    zone: TimeZone,
    filter: &CalendarFilter,
) -> anyhow::Result<(i64, usize, usize)> {
    let spans = day_spans(&view.days(date), zone);
    let days = calendar_days(pool, &spans, filter, view.per_day(), 0, true).await?;
    let (from, to) = (spans[0].start, spans[spans.len() - 1].end);
    filter_choices(pool, from, to, None).await?;
    Ok((
        days.iter().map(|d| d.total).sum(),
        days.iter().map(|d| d.campaigns.len()).sum(),
        days.iter().map(|d| d.touches.len()).sum(),
    ))
}

/// The local date in the middle of the stored touches.
async fn middle_date(pool: &Db) -> anyhow::Result<NaiveDate> {
    let (low, high): (Option<i64>, Option<i64>) =
        db::query_as("SELECT MIN(scheduled_at), MAX(scheduled_at) FROM touches")
            .fetch_one(pool)
            .await?;
    let middle = (low.unwrap_or(0) + high.unwrap_or(0)) / 2;
    Ok(DateTime::from_timestamp(middle, 0)
        .unwrap_or_default()
        .date_naive())
}
