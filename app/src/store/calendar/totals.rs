//! How many touches match on each local day, and where in the day the first of them lie.
//! Whole hours are summed from `touch_hours` (one read of about a thousand rows for a month),
//! the part-hours at the day's edges (zones at :30 or :45) from `touch_quarters`, and any other
//! part from `touches`; a filter the summaries cannot answer (owner) counts `touches` over the
//! whole days. Every count is kept per campaign (0: outside any), so that a day can show each
//! campaign as one item and list the rest.

use super::filter_sql::{push_filter, summary_answers};
use super::spans::{DaySpan, HOUR, QUARTER};
use crate::models::calendar::CalendarFilter;
use crate::store::db::{Db, SqlBuilder};
use crate::store::StoreError;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One day's counts, and the part of the day `[lo, hi)` that holds its first `needed` listed
/// touches (the whole day when the summary cannot tell).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayCount {
    /// Every matching touch of the day.
    pub total: i64,
    /// The touches listed one by one: outside any campaign when grouped, else all of them.
    pub listed: i64,
    /// Matching touches per campaign when grouped, and how many of them are cancelled.
    pub campaigns: BTreeMap<i64, (i64, i64)>,
    /// Where the first listed ones are, in Unix seconds.
    pub window: (i64, i64),
}

/// Counts of one range by campaign (0: outside any) and whether cancelled.
type Tally = BTreeMap<(i64, bool), i64>;

/// Whether a row is a cancelled touch, as a column both engines read as an integer.
fn cancelled(alias: &str) -> String {
    format!("CAST(CASE WHEN {alias}.status = 'cancelled' THEN 1 ELSE 0 END AS BIGINT)")
}

impl DayCount {
    fn add(&mut self, tally: &Tally, grouped: bool) {
        for (&(campaign, cancelled), &n) in tally {
            self.total += n;
            if grouped && campaign != 0 {
                let counts = self.campaigns.entry(campaign).or_default();
                counts.0 += n;
                if cancelled {
                    counts.1 += n;
                }
            } else {
                self.listed += n;
            }
        }
    }
}

/// The listed touches of a tally: those outside any campaign when grouped, else all.
fn listed(tally: &Tally, grouped: bool) -> i64 {
    tally
        .iter()
        .filter(|(&(campaign, _), _)| !grouped || campaign == 0)
        .map(|(_, n)| n)
        .sum()
}

/// The counts of each day in `spans`, in order; each window covers the first `needed` listed
/// touches. `grouped` counts each campaign apart and lists only the touches outside them.
pub async fn day_totals(
    pool: &Db,
    spans: &[DaySpan],
    filter: &CalendarFilter,
    needed: i64,
    grouped: bool,
) -> Result<Vec<DayCount>, StoreError> {
    if !summary_answers(filter) {
        let ranges: Vec<_> = spans
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.start, s.end))
            .collect();
        let counted = counted(pool, Source::Touches, &ranges, filter).await?;
        return Ok(spans
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut count = DayCount {
                    window: (s.start, s.end),
                    ..DayCount::default()
                };
                if let Some(tally) = counted.get(&i) {
                    count.add(tally, grouped);
                }
                count
            })
            .collect());
    }
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return Ok(Vec::new());
    };
    let hours = hour_counts(
        pool,
        first.start.div_euclid(HOUR),
        last.end.div_euclid(HOUR) + 1,
        filter,
    )
    .await?;
    let edges: Vec<_> = spans
        .iter()
        .flat_map(|s| s.edges().into_iter().map(move |(lo, hi)| (s.date, lo, hi)))
        .collect();
    let edge_counts = edge_counts(pool, &edges, filter).await?;
    let none = Tally::new();
    Ok(spans
        .iter()
        .map(|span| {
            let (whole_first, whole_last) = span.whole_hours();
            let inside = hours.range(whole_first..whole_last);
            let edge = |lo: i64| edge_counts.get(&(span.date, lo)).unwrap_or(&none);
            let (before, after) = (edge(span.start), edge(whole_last * HOUR));
            let mut count = DayCount::default();
            for (_, tally) in inside.clone() {
                count.add(tally, grouped);
            }
            count.add(before, grouped);
            count.add(after, grouped);
            let listed_hours = inside.map(|(&hour, tally)| (hour, listed(tally, grouped)));
            count.window = window(span, listed_hours, listed(before, grouped), needed);
            count
        })
        .collect())
}

/// The matching touches of each edge `(date, lo, hi)`, by `(date, lo)`: the whole quarter
/// hours (every zone in use) from `touch_quarters`, any other part from `touches`.
async fn edge_counts(
    pool: &Db,
    edges: &[(NaiveDate, i64, i64)],
    filter: &CalendarFilter,
) -> Result<BTreeMap<(NaiveDate, i64), Tally>, StoreError> {
    let (quarters, odd): (Vec<_>, Vec<_>) = edges
        .iter()
        .enumerate()
        .map(|(k, &(_, lo, hi))| (k, lo, hi))
        .partition(|&(_, lo, hi)| lo % QUARTER == 0 && hi % QUARTER == 0);
    let mut counts = counted(pool, Source::Touches, &odd, filter).await?;
    counts.extend(counted(pool, Source::Quarters, &quarters, filter).await?);
    Ok(counts
        .into_iter()
        .map(|(k, n)| ((edges[k].0, edges[k].1), n))
        .collect())
}

/// The part of the day from its first listed touch (the part-hour `before` its first whole
/// hour, when that has any) to the hour by which `needed` listed touches have been seen.
fn window(
    span: &DaySpan,
    inside: impl Iterator<Item = (i64, i64)>,
    before: i64,
    needed: i64,
) -> (i64, i64) {
    let first_whole = span.whole_hours().0 * HOUR;
    if before >= needed {
        return (span.start, first_whole);
    }
    let mut lo = (before > 0).then_some(span.start);
    let (mut hi, mut seen) = (span.end, before);
    for (hour, n) in inside.filter(|&(_, n)| n > 0) {
        lo.get_or_insert(hour * HOUR);
        seen += n;
        if seen >= needed {
            hi = ((hour + 1) * HOUR).min(span.end);
            break;
        }
    }
    (lo.unwrap_or(span.start), hi)
}

/// Matching touches per summary hour in `[from, to)`, per campaign.
async fn hour_counts(
    pool: &Db,
    from: i64,
    to: i64,
    filter: &CalendarFilter,
) -> Result<BTreeMap<i64, Tally>, StoreError> {
    let cancelled = cancelled("s");
    let mut sql: SqlBuilder = SqlBuilder::new(format!(
        "SELECT s.hour, s.campaign_id, {cancelled}, CAST(SUM(s.touches) AS BIGINT) \
         FROM touch_hours s WHERE s.hour >= "
    ));
    sql.push_bind(from).push(" AND s.hour < ").push_bind(to);
    push_filter(&mut sql, filter, "s");
    sql.push(format!(" GROUP BY s.hour, s.campaign_id, {cancelled}"));
    let rows = sql
        .build_query_as::<(i64, i64, i64, i64)>()
        .fetch_all(pool)
        .await?;
    Ok(tallied(rows))
}

/// `(key, campaign, cancelled, n)` rows as a tally per key.
fn tallied<K: Ord>(rows: impl IntoIterator<Item = (K, i64, i64, i64)>) -> BTreeMap<K, Tally> {
    let mut out: BTreeMap<K, Tally> = BTreeMap::new();
    for (key, campaign, cancelled, n) in rows {
        *out.entry(key)
            .or_default()
            .entry((campaign, cancelled != 0))
            .or_default() += n;
    }
    out
}

/// Where [`counted`] counts: `touches` row by row, or the quarter-hour summary.
#[derive(Clone, Copy)]
enum Source {
    /// `touches` on its indexed time; ranges in seconds.
    Touches,
    /// `touch_quarters`; ranges in whole quarter hours (given in seconds).
    Quarters,
}

/// Matching touches in each `(key, lo, hi)` second range, by key and campaign: one query, the ranges as a
/// `VALUES` table joined to the source on its indexed time. `CROSS JOIN` pins the ranges as the
/// outer loop (SQLite's own choice too, given `ANALYZE` statistics); in `touches`, the
/// `touches_time_filters` index lets a filtered count read no touch rows.
async fn counted(
    pool: &Db,
    source: Source,
    ranges: &[(usize, i64, i64)],
    filter: &CalendarFilter,
) -> Result<BTreeMap<usize, Tally>, StoreError> {
    if ranges.is_empty() {
        return Ok(BTreeMap::new());
    }
    let (unit, alias, campaign, from) = match source {
        Source::Touches => (
            1,
            "t",
            "COALESCE(t.campaign_id, 0)",
            "COUNT(*) FROM d CROSS JOIN touches t \
             ON t.scheduled_at >= d.lo AND t.scheduled_at < d.hi WHERE 1 = 1",
        ),
        Source::Quarters => (
            QUARTER,
            "s",
            "s.campaign_id",
            "CAST(SUM(s.touches) AS BIGINT) FROM d CROSS JOIN touch_quarters s \
             ON s.quarter >= d.lo AND s.quarter < d.hi WHERE 1 = 1",
        ),
    };
    let mut sql: SqlBuilder = SqlBuilder::new("WITH d (key, lo, hi) AS (VALUES ");
    for (i, &(key, lo, hi)) in ranges.iter().enumerate() {
        sql.push(if i == 0 { "(" } else { ", (" })
            .push_bind(key as i64)
            .push(", ")
            .push_bind(lo / unit)
            .push(", ")
            .push_bind(hi / unit)
            .push(")");
    }
    let cancelled = cancelled(alias);
    let from = format!(") SELECT d.key, {campaign}, {cancelled}, {from}");
    // PostgreSQL has no `CROSS JOIN … ON`; SQLite reads `CROSS` as "keep this join order".
    sql.push_dialects(&from, &from.replace("CROSS JOIN", "JOIN"));
    push_filter(&mut sql, filter, alias);
    sql.push(format!(" GROUP BY d.key, {campaign}, {cancelled}"));
    let rows = sql
        .build_query_as::<(i64, i64, i64, i64)>()
        .fetch_all(pool)
        .await?;
    Ok(tallied(rows.into_iter().map(
        |(key, campaign, cancelled, n)| (key as usize, campaign, cancelled, n),
    )))
}
