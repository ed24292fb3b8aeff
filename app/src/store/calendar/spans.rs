//! A viewer's local day as a half-open range of Unix seconds.

use crate::domain::TimeZone;
use chrono::{Days, NaiveDate};

/// Seconds per bucket of the `touch_hours` summary.
pub const HOUR: i64 = 3600;

/// Seconds per bucket of the `touch_quarters` summary, which answers the part-hours.
pub const QUARTER: i64 = 900;

/// One local day: `[start, end)` in Unix seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DaySpan {
    /// The local date.
    pub date: NaiveDate,
    /// Its first second.
    pub start: i64,
    /// The first second of the next local day.
    pub end: i64,
}

impl DaySpan {
    /// The whole summary hours inside the day, `[first, last)` (empty when the day is
    /// shorter than an hour, which no real zone has).
    pub fn whole_hours(&self) -> (i64, i64) {
        (
            self.start.div_euclid(HOUR) + i64::from(self.start.rem_euclid(HOUR) != 0),
            self.end.div_euclid(HOUR),
        )
    }

    /// The parts of hours the day boundaries cut, as second ranges (none for whole-hour
    /// offsets).
    pub fn edges(&self) -> Vec<(i64, i64)> {
        let (first, last) = self.whole_hours();
        [(self.start, first * HOUR), (last * HOUR, self.end)]
            .into_iter()
            .filter(|(lo, hi)| lo < hi)
            .collect()
    }
}

/// The local days `dates` in `zone`, DST included (a day may last 23 or 25 hours).
pub fn day_spans(dates: &[NaiveDate], zone: TimeZone) -> Vec<DaySpan> {
    dates
        .iter()
        .map(|&date| DaySpan {
            date,
            start: zone.start_of_day(date).timestamp(),
            end: zone.start_of_day(date + Days::new(1)).timestamp(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_follow_the_zone_and_its_dst() {
        let ny = TimeZone::parse("America/New_York").unwrap();
        let day: NaiveDate = "2026-11-01".parse().unwrap();
        let span = day_spans(&[day], ny)[0];
        assert_eq!(span.end - span.start, 25 * HOUR);
        assert!(span.edges().is_empty());
    }

    #[test]
    fn half_hour_zones_cut_hours_at_both_ends() {
        let kolkata = TimeZone::parse("Asia/Kolkata").unwrap();
        let span = day_spans(&["2026-11-24".parse().unwrap()], kolkata)[0];
        let (first, last) = span.whole_hours();
        assert_eq!(last - first, 23);
        assert_eq!(
            span.edges(),
            vec![(span.start, first * HOUR), (last * HOUR, span.end)]
        );
        assert!(span.edges().iter().all(|(lo, hi)| hi - lo == HOUR / 2));
    }
}
