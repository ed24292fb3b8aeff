//! Instants in the viewer's zone, written the same way on every screen.

use crate::domain::TimeZone;
use chrono::{DateTime, Utc};

/// "Tue 24 Nov 09:00" in `zone`.
pub fn local_datetime(at: DateTime<Utc>, zone: TimeZone) -> String {
    zone.local(at).format("%a %-d %b %H:%M").to_string()
}

/// "Tue 24 Nov 2026" in `zone`.
pub fn local_date(at: DateTime<Utc>, zone: TimeZone) -> String {
    zone.local(at).format("%a %-d %b %Y").to_string()
}

/// "09:00" in `zone`.
pub fn local_time(at: DateTime<Utc>, zone: TimeZone) -> String {
    zone.local(at).format("%H:%M").to_string()
}

/// How far `at` is from `now`, as people say it: "just now", "12 min ago", "5 h ago",
/// "3 d ago", or "in 40 min", "in 2 h", "in 14 d".
pub fn relative(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - at).num_minutes();
    let size = minutes.unsigned_abs();
    let amount = if size < 60 {
        format!("{size} min")
    } else if size < 48 * 60 {
        format!("{} h", size / 60)
    } else {
        format!("{} d", size / (24 * 60))
    };
    match minutes {
        0 => "just now".to_owned(),
        m if m > 0 => format!("{amount} ago"),
        _ => format!("in {amount}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_instants_in_the_viewers_zone() {
        let at: DateTime<Utc> = "2026-11-24T14:00:00Z".parse().unwrap();
        let boston = TimeZone::parse("America/New_York").unwrap();
        assert_eq!(local_datetime(at, boston), "Tue 24 Nov 09:00");
        assert_eq!(local_date(at, TimeZone::UTC), "Tue 24 Nov 2026");
        assert_eq!(
            local_time(at, TimeZone::parse("Asia/Kolkata").unwrap()),
            "19:30"
        );
    }

    #[test]
    fn relative_times_read_as_people_say_them() {
        let now: DateTime<Utc> = "2026-12-05T12:00:00Z".parse().unwrap();
        let at = |text: &str| text.parse::<DateTime<Utc>>().unwrap();
        assert_eq!(relative(at("2026-12-05T11:59:40Z"), now), "just now");
        assert_eq!(relative(at("2026-12-05T11:48:00Z"), now), "12 min ago");
        assert_eq!(relative(at("2026-12-05T07:00:00Z"), now), "5 h ago");
        assert_eq!(relative(at("2026-12-03T10:00:00Z"), now), "2 d ago");
        assert_eq!(relative(at("2026-12-05T12:40:00Z"), now), "in 40 min");
        assert_eq!(relative(at("2026-12-19T12:00:00Z"), now), "in 14 d");
    }
}
