//! How many touches match on each local day: whole hours summed from `touch_hours`, the
//! part-hours at the day's edges (zones at :30 or :45) counted from `touches`; filters the
//! summary cannot answer (owner, campaign) count `touches` over the whole days.

use super::filter_sql::{push_filter, summary_answers};
use super::spans::DaySpan;
use crate::calendar::model::CalendarFilter;
use crate::store::StoreError;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

/// One range per day, by the day's index: `(day, lo, hi)`.
type Ranges = Vec<(usize, i64, i64)>;

/// The number of matching touches on each day, in the order of `spans`.
pub async fn day_totals(
    pool: &SqlitePool,
    spans: &[DaySpan],
    filter: &CalendarFilter,
) -> Result<Vec<i64>, StoreError> {
    let mut totals = vec![0; spans.len()];
    let whole_days: Ranges = spans.iter().enumerate().map(|(i, s)| (i, s.start, s.end)).collect();
    let (hours, edges): (Ranges, Ranges) = if summary_answers(filter) {
        let hours = spans
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.whole_hours().0, s.whole_hours().1))
            .collect();
        let edges = spans
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.edges().into_iter().map(move |(lo, hi)| (i, lo, hi)))
            .collect();
        (hours, edges)
    } else {
        (Vec::new(), whole_days)
    };
    let summed = grouped(pool, Source::Summary, &hours, filter).await?;
    let counted = grouped(pool, Source::Touches, &edges, filter).await?;
    for (day, n) in summed.into_iter().chain(counted) {
        if let Some(total) = usize::try_from(day).ok().and_then(|d| totals.get_mut(d)) {
            *total += n;
        }
    }
    Ok(totals)
}

/// Where a count comes from.
#[derive(Clone, Copy)]
enum Source {
    /// `touch_hours`, ranges in hours.
    Summary,
    /// `touches`, ranges in seconds.
    Touches,
}

/// `(day, count)` for the ranges, one query: the ranges as a `VALUES` table joined to the
/// source on its indexed time column.
async fn grouped(
    pool: &SqlitePool,
    source: Source,
    ranges: &Ranges,
    filter: &CalendarFilter,
) -> Result<Vec<(i64, i64)>, StoreError> {
    if ranges.is_empty() {
        return Ok(Vec::new());
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
    let (select, alias) = match source {
        Source::Summary => (
            ") SELECT d.day, SUM(s.touches) FROM d JOIN touch_hours s \
             ON s.hour >= d.lo AND s.hour < d.hi WHERE 1 = 1",
            "s",
        ),
        Source::Touches => (
            ") SELECT d.day, COUNT(*) FROM d JOIN touches t \
             ON t.scheduled_at >= d.lo AND t.scheduled_at < d.hi WHERE 1 = 1",
            "t",
        ),
    };
    sql.push(select);
    push_filter(&mut sql, filter, alias);
    sql.push(" GROUP BY d.day");
    Ok(sql.build_query_as::<(i64, i64)>().fetch_all(pool).await?)
}
