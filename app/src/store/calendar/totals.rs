//! How many touches match on each local day, and where in the day the first of them lie.
//! Whole hours are summed from `touch_hours` (one read of about a thousand rows for a month),
//! the part-hours at the day's edges (zones at :30 or :45) counted from `touches`; filters the
//! summary cannot answer (owner, campaign) count `touches` over the whole days.

use super::filter_sql::{push_filter, summary_answers};
use super::spans::{DaySpan, HOUR};
use crate::calendar::model::CalendarFilter;
use crate::store::StoreError;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};
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
    pool: &SqlitePool,
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
        let counted = counted(pool, &ranges, filter).await?;
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
        .enumerate()
        .flat_map(|(i, s)| s.edges().into_iter().map(move |(lo, hi)| (i, lo, hi)))
        .collect();
    let edge_counts = counted(pool, &edges, filter).await?;
    Ok(spans
        .iter()
        .enumerate()
        .map(|(i, span)| {
            let (whole_first, whole_last) = span.whole_hours();
            let inside = hours.range(whole_first..whole_last);
            let total = inside.clone().map(|(_, n)| n).sum::<i64>()
                + edge_counts.get(&i).copied().unwrap_or(0);
            DayCount {
                total,
                window: window(span, inside, needed),
            }
        })
        .collect())
}

/// The part of the day from its first matching hour to the hour by which `needed` matching
/// touches have been seen (part-hours at the edges always stay inside).
fn window<'a>(
    span: &DaySpan,
    inside: impl Iterator<Item = (&'a i64, &'a i64)>,
    needed: i64,
) -> (i64, i64) {
    let edge_before = span.start < span.whole_hours().0 * HOUR;
    let (mut lo, mut hi, mut seen) = (None, span.end, 0);
    for (&hour, &n) in inside.filter(|(_, &n)| n > 0) {
        lo.get_or_insert(hour * HOUR);
        seen += n;
        if seen >= needed {
            hi = ((hour + 1) * HOUR).min(span.end);
            break;
        }
    }
    let lo = if edge_before {
        span.start
    } else {
        lo.unwrap_or(span.start)
    };
    (lo, hi)
}

/// Matching touches per summary hour in `[from, to)`.
async fn hour_counts(
    pool: &SqlitePool,
    from: i64,
    to: i64,
    filter: &CalendarFilter,
) -> Result<BTreeMap<i64, i64>, StoreError> {
    let mut sql: QueryBuilder<Sqlite> =
        QueryBuilder::new("SELECT s.hour, SUM(s.touches) FROM touch_hours s WHERE s.hour >= ");
    sql.push_bind(from).push(" AND s.hour < ").push_bind(to);
    push_filter(&mut sql, filter, "s");
    sql.push(" GROUP BY s.hour");
    let rows = sql.build_query_as::<(i64, i64)>().fetch_all(pool).await?;
    Ok(rows.into_iter().collect())
}

/// Matching touches in each `(day, lo, hi)` second range, by day index: one query, the
/// ranges as a `VALUES` table joined to `touches` on its indexed time. `CROSS JOIN` pins the
/// ranges as the outer loop (SQLite's own choice too, given `ANALYZE` statistics); the
/// `touches_time_filters` index lets a filtered count read no touch rows.
async fn counted(
    pool: &SqlitePool,
    ranges: &[(usize, i64, i64)],
    filter: &CalendarFilter,
) -> Result<BTreeMap<usize, i64>, StoreError> {
    if ranges.is_empty() {
        return Ok(BTreeMap::new());
    }
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new("WITH d (day, lo, hi) AS (VALUES ");
    let mut values = sql.separated(", ");
    for (day, lo, hi) in ranges {
        values
            .push("(")
            .push_bind_unseparated(*day as i64)
            .push_unseparated(", ")
            .push_bind_unseparated(*lo)
            .push_unseparated(", ")
            .push_bind_unseparated(*hi)
            .push_unseparated(")");
    }
    sql.push(
        ") SELECT d.day, COUNT(*) FROM d CROSS JOIN touches t \
         ON t.scheduled_at >= d.lo AND t.scheduled_at < d.hi WHERE 1 = 1",
    );
    push_filter(&mut sql, filter, "t");
    sql.push(" GROUP BY d.day");
    let rows = sql.build_query_as::<(i64, i64)>().fetch_all(pool).await?;
    Ok(rows.into_iter().map(|(day, n)| (day as usize, n)).collect())
}
