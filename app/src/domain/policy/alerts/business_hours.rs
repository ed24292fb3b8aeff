//! Business-hours arithmetic in the contact's own zone: when does an SLA of N business days,
//! started at an instant, run out?

use crate::domain::rules::params::ReplySla;
use crate::domain::timezone::TimeZone;
use chrono::{DateTime, Datelike, Days, NaiveTime, TimeDelta, Utc};

/// The instant at which `sla.business_days` business days have passed since `start`, counting
/// only the hours between `opens` and `closes` on workdays, in the contact's local time.
pub(super) fn deadline(start: DateTime<Utc>, sla: &ReplySla, zone: TimeZone) -> DateTime<Utc> {
    let (opens, closes) = (sla.opens.time(), sla.closes.time());
    let day_length = closes - opens;
    let mut remaining = day_length * i32::try_from(sla.business_days).unwrap_or(i32::MAX);
    let local = zone.local(start);
    let mut date = local.date();
    let mut from = local.time();
    for _ in 0..400 {
        if sla.workdays.contains(&date.weekday()) {
            let begin = from.max(opens);
            if begin < closes {
                let available = closes - begin;
                if remaining <= available {
                    return zone.instant(date, begin + remaining);
                }
                remaining -= available;
            }
        }
        let Some(next) = date.checked_add_days(Days::new(1)) else {
            break;
        };
        date = next;
        from = NaiveTime::MIN;
    }
    start + TimeDelta::days(30)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::Rules;
    use rstest::rstest;

    #[rstest]
    #[case("2025-01-13T15:15:00Z", "2025-01-14T15:15:00Z")] // Mon 10:15 → Tue 10:15
    #[case("2025-01-17T23:00:00Z", "2025-01-20T22:00:00Z")] // Fri 18:00 → Mon 17:00
    #[case("2025-01-13T12:00:00Z", "2025-01-13T22:00:00Z")] // Mon 07:00 → Mon 17:00
    #[case("2025-03-07T20:00:00Z", "2025-03-10T19:00:00Z")] // Fri 15:00 EST → Mon 15:00 EDT
    fn one_business_day_in_new_york(#[case] start: &str, #[case] due: &str) {
        let sla = Rules::default().unanswered_reply.params;
        let ny = TimeZone::parse("America/New_York").unwrap();
        let start: DateTime<Utc> = start.parse().unwrap();
        assert_eq!(
            deadline(start, &sla, ny),
            due.parse::<DateTime<Utc>>().unwrap()
        );
    }
}
