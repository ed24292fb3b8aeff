//! The team calendar's reads, shaped for scale: per-day totals from the `touch_hours` summary
//! (whole hours) plus the part-hours a day boundary cuts (from `touch_quarters`), and the first
//! few touches of each day by an indexed range scan with a limit, narrowed by the summary to
//! the hours that hold them. A month at ten million touches never loads more than a few hundred
//! touch rows.

mod choices;
mod filter_sql;
mod first;
pub mod fold;
mod spans;
mod totals;

pub use choices::filter_choices;
pub use first::first_touches;
pub use spans::{day_spans, DaySpan};
pub use totals::{day_totals, DayCount};

use crate::models::calendar::{CalendarDay, CalendarFilter};
use crate::store::db;
use crate::store::StoreError;
use db::Db;

/// The days' totals and, for each day with touches, `per_day` of them from `offset` on.
pub async fn calendar_days(
    pool: &Db,
    spans: &[DaySpan],
    filter: &CalendarFilter,
    per_day: u32,
    offset: u32,
) -> Result<Vec<CalendarDay>, StoreError> {
    let needed = i64::from(offset) + i64::from(per_day);
    let counts = day_totals(pool, spans, filter, needed).await?;
    let mut days = Vec::with_capacity(spans.len());
    for (span, count) in spans.iter().zip(counts) {
        let touches = if count.total > i64::from(offset) {
            first_touches(pool, count.window, filter, per_day, offset).await?
        } else {
            Vec::new()
        };
        days.push(CalendarDay {
            date: span.date,
            total: count.total,
            touches,
        });
    }
    Ok(days)
}
