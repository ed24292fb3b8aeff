//! How many touches match on each local day, and where in the day the first of them lie.
//! Whole hours are summed from `touch_hours` (one read of about a thousand rows for a month),
//! the part-hours at the day's edges (zones at :30 or :45) from `touch_quarters`, and any other
//! part from `touches`; filters the summaries cannot answer (owner, campaign) count `touches`
//! over the whole days.

use super::filter_sql::{push_filter, summary_answers};
use super::spans::{DaySpan, HOUR, QUARTER};
use crate::models::calendar::CalendarFilter;
use crate::store::db::{Db, SqlBuilder};
use crate::store::StoreError;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One day's count, and the part of the day `[lo, hi)` that holds its first `needed` matching
/// touches (the whole day when the summary cannot tell).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayCount {
    /// Every matching touch of the day.
    pub total: i64,
    /// Where the first ones are, in Unix seconds.
    pub window: (i64, i64),
}

/// The count of each day in `spans`, in order; each window covers the first `needed` touches.
pub async fn day_totals(
    pool: &Db,
    spans: &[DaySpan],
    filter: &CalendarFilter,
    needed: i64,
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
            .map(|(i, s)| DayCount {
                total: counted.get(&i).copied().unwrap_or(0),
                window: (s.start, s.end),
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
    Ok(spans
        .iter()
        .map(|span| {
            let (whole_first, whole_last) = span.whole_hours();
            let inside = hours.range(whole_first..whole_last);
            let edge = |lo: i64| edge_counts.get(&(span.date, lo)).copied().unwrap_or(0);
            let (before, after) = (edge(span.start), edge(whole_last * HOUR));
            DayCount {
                total: inside.clone().map(|(_, n)| n).sum::<i64>() + before + after,
                window: window(span, inside, before, needed),
            }
        })
        .collect())
}

/// The matching touches of each edge `(date, lo, hi)`, by `(date, lo)`: the whole quarter
/// hours (every zone in use) from `touch_quarters`, any other part from `touches`.
async fn edge_counts(
    pool: &Db,
    edges: &[(NaiveDate, i64, i64)],
    filter: &CalendarFilter,
) -> Result<BTreeMap<(NaiveDate, i64), i64>, StoreError> {
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

/// The part of the day from its first matching touch (the part-hour `before` its first whole
/// hour, when that has any) to the hour by which `needed` matching touches have been seen.
fn window<'a>(
    span: &DaySpan,
    inside: impl Iterator<Item = (&'a i64, &'a i64)>,
    before: i64,
    needed: i64,
) -> (i64, i64) {
    let first_whole = span.whole_hours().0 * HOUR;
    if before >= needed {
        return (span.start, first_whole);
    }
    let mut lo = (before > 0).then_some(span.start);
    let (mut hi, mut seen) = (span.end, before);
    for (&hour, &n) in inside.filter(|(_, &n)| n > 0) {
        lo.get_or_insert(hour * HOUR);
        seen += n;
        if seen >= needed {
            hi = ((hour + 1) * HOUR).min(span.end);
            break;
        }
    }
    (lo.unwrap_or(span.start), hi)
}

/// Matching touches per summary hour in `[from, to)`.
async fn hour_counts(
    pool: &Db,
    from: i64,
    to: i64,
    filter: &CalendarFilter,
) -> Result<BTreeMap<i64, i64>, StoreError> {
    let mut sql: SqlBuilder = SqlBuilder::new(
        "SELECT s.hour, CAST(SUM(s.touches) AS BIGINT) FROM touch_hours s WHERE s.hour >= ",
    );
    sql.push_bind(from).push(" AND s.hour < ").push_bind(to);
    push_filter(&mut sql, filter, "s");
    sql.push(" GROUP BY s.hour");
    let rows = sql.build_query_as::<(i64, i64)>().fetch_all(pool).await?;
    Ok(rows.into_iter().collect())
}

/// Where [`counted`] counts: `touches` row by row, or the quarter-hour summary.
#[derive(Clone, Copy)]
enum Source {
    /// `touches` on its indexed time; ranges in seconds.
    Touches,
    /// `touch_quarters`; ranges in whole quarter hours (given in seconds).
    Quarters,
}

/// Matching touches in each `(key, lo, hi)` second range, by key: one query, the ranges as a
/// `VALUES` table joined to the source on its indexed time. `CROSS JOIN` pins the ranges as the
/// outer loop (SQLite's own choice too, given `ANALYZE` statistics); in `touches`, the
/// `touches_time_filters` index lets a filtered count read no touch rows.
async fn counted(
    pool: &Db,
    source: Source,
    ranges: &[(usize, i64, i64)],
    filter: &CalendarFilter,
) -> Result<BTreeMap<usize, i64>, StoreError> {
    if ranges.is_empty() {
        return Ok(BTreeMap::new());
    }
    let (unit, alias, from) = match source {
        Source::Touches => (
            1,
            "t",
            ") SELECT d.key, COUNT(*) FROM d CROSS JOIN touches t \
             ON t.scheduled_at >= d.lo AND t.scheduled_at < d.hi WHERE 1 = 1",
        ),
        Source::Quarters => (
            QUARTER,
            "s",
            ") SELECT d.key, CAST(SUM(s.touches) AS BIGINT) FROM d CROSS JOIN touch_quarters s \
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
    // PostgreSQL has no `CROSS JOIN … ON`; SQLite reads `CROSS` as "keep this join order".
    sql.push_dialects(from, &from.replace("CROSS JOIN", "JOIN"));
    push_filter(&mut sql, filter, alias);
    sql.push(" GROUP BY d.key");
    let rows = sql.build_query_as::<(i64, i64)>().fetch_all(pool).await?;
    Ok(rows.into_iter().map(|(key, n)| (key as usize, n)).collect())
}
