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
}
