//! Which stretch of time a timeline shows: eight weeks from a local date, by default four
//! weeks back and four ahead, so the past and the plan sit side by side.

use chrono::{DateTime, Utc};
#[cfg(feature = "ssr")]
use {
    crate::domain::TimeZone,
    chrono::{NaiveDate, TimeDelta},
};

/// Days a timeline shows.
pub const SPAN_DAYS: i64 = 56;

/// The first local day of the range centred on `at`: four weeks before it. With `now`, the
/// range a page shows when its address names none.
#[cfg(feature = "ssr")]
pub fn start_around(at: DateTime<Utc>, zone: TimeZone) -> NaiveDate {
    zone.local(at).date() - TimeDelta::days(SPAN_DAYS / 2)
}

/// Parses the `from` of the page's address (`2026-11-01`); none outside the years Concord
/// plans in.
#[cfg(feature = "ssr")]
pub fn parse_start(text: &str) -> Option<NaiveDate> {
    crate::domain::dates::parse_date("from", text).ok()
}

/// The instants `[from, to)` of the local days starting at `start`.
#[cfg(feature = "ssr")]
pub fn bounds(start: NaiveDate, zone: TimeZone) -> (DateTime<Utc>, DateTime<Utc>) {
    let end = start + TimeDelta::days(SPAN_DAYS);
    (zone.start_of_day(start), zone.start_of_day(end))
}

/// Where `at` falls between `from` and `to`, in percent of the axis (clamped to 0..=100).
pub fn position(at: DateTime<Utc>, from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    let span = (to - from).num_seconds().max(1) as f64;
    ((at - from).num_seconds() as f64 / span * 100.0).clamp(0.0, 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_local_weeks_around_today() {
        let ny = TimeZone::parse("America/New_York").unwrap();
        let now: DateTime<Utc> = "2026-11-23T03:00:00Z".parse().unwrap();
        let start = start_around(now, ny);
        assert_eq!(start, NaiveDate::from_ymd_opt(2026, 10, 25).unwrap());
        let (from, to) = bounds(start, ny);
        assert_eq!(from.to_rfc3339(), "2026-10-25T04:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-12-20T05:00:00+00:00");
        assert_eq!(position(from, from, to), 0.0);
        assert_eq!(position(to + TimeDelta::days(3), from, to), 100.0);
        assert_eq!(parse_start("2026-13-01"), None);
    }
}
