//! The past is not a planning target: a touch or campaign is planned, moved or approved for a
//! time from now on. A form that asks for "now" to the minute is a little behind the clock by
//! the time it arrives, so a few minutes' grace is allowed.

use chrono::{DateTime, TimeDelta, Utc};
use thiserror::Error;

/// How far behind the clock a planned time may be and still count as now.
pub const GRACE: TimeDelta = TimeDelta::minutes(5);

/// A time that has already passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
#[error("that time has already passed; choose a time from now on")]
pub struct InThePast;

/// Whether `at` may still be planned at `now`.
pub fn from_now_on(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), InThePast> {
    if at < now - GRACE {
        Err(InThePast)
    } else {
        Ok(())
    }
}

/// Where a search for an allowed time may start: never before now.
pub fn search_from(at: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    at.max(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> DateTime<Utc> {
        text.parse().expect("instant")
    }

    #[test]
    fn refuses_a_time_past_the_grace_and_accepts_now_and_later() {
        let now = t("2026-12-05T10:00:30Z");
        assert_eq!(from_now_on(t("2026-12-05T10:00:00Z"), now), Ok(()));
        assert_eq!(from_now_on(t("2026-12-05T09:55:30Z"), now), Ok(()));
        assert_eq!(from_now_on(t("2026-12-05T09:55:29Z"), now), Err(InThePast));
        assert_eq!(from_now_on(t("2026-11-01T09:00:00Z"), now), Err(InThePast));
        assert_eq!(from_now_on(t("2027-01-01T09:00:00Z"), now), Ok(()));
    }

    #[test]
    fn a_search_never_starts_in_the_past() {
        let now = t("2026-12-05T10:00:00Z");
        assert_eq!(search_from(t("2026-12-01T10:00:00Z"), now), now);
        let later = t("2026-12-09T10:00:00Z");
        assert_eq!(search_from(later, now), later);
    }
}
