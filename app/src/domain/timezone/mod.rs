//! A contact's IANA time zone, parsed once so that quiet hours and business hours can always be
//! evaluated in the contact's own local time, across DST changes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

#[cfg(target_arch = "wasm32")]
mod intl;
#[cfg(target_arch = "wasm32")]
use intl::Zone;
#[cfg(not(target_arch = "wasm32"))]
mod tzdb;
#[cfg(not(target_arch = "wasm32"))]
use tzdb::Zone;

/// A valid IANA time zone such as `America/New_York` (private: only built by [`TimeZone::parse`]).
/// The server reads chrono-tz's database; the browser asks its own, through `Intl`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeZone(Zone);

/// A time zone name that is not in the IANA database.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown time zone {0:?}: expected an IANA name such as America/New_York")]
pub struct TimeZoneError(pub String);

impl TimeZone {
    /// Coordinated Universal Time, for contacts whose zone is not known.
    pub const UTC: TimeZone = TimeZone(Zone::UTC);

    /// Parses an IANA name (exact, e.g. `Europe/Berlin`).
    pub fn parse(name: &str) -> Result<Self, TimeZoneError> {
        Zone::parse(name.trim())
            .map(TimeZone)
            .ok_or_else(|| TimeZoneError(name.to_owned()))
    }

    /// The IANA name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The zone's offset from UTC at an instant, in seconds (east positive).
    pub fn offset_seconds(self, at: DateTime<Utc>) -> i32 {
        self.0.offset_seconds(at)
    }

    /// The wall-clock date and time of an instant in this zone.
    pub fn local(self, at: DateTime<Utc>) -> NaiveDateTime {
        at.naive_utc() + TimeDelta::seconds(self.offset_seconds(at).into())
    }

    /// The instant at which the wall clock in this zone shows `date` `time`. A time skipped by a
    /// DST change resolves to the first instant after the gap; a repeated one to the earlier.
    pub fn instant(self, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        let mut local = date.and_time(time);
        for _ in 0..=(26 * 4) {
            if let Some(found) = self.0.earliest(local) {
                return found;
            }
            local += TimeDelta::minutes(15);
        }
        local.and_utc()
    }

    /// Parses a form's local date and time (`2026-11-24T09:00`, as a `datetime-local` input
    /// sends it, seconds optional) as a wall-clock time in this zone.
    pub fn parse_local(self, text: &str) -> Option<DateTime<Utc>> {
        let text = text.trim();
        let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
            .ok()?;
        Some(self.instant(local.date(), local.time()))
    }

    /// An instant as a `datetime-local` input's value in this zone (`2026-11-24T09:00`).
    pub fn format_local(self, at: DateTime<Utc>) -> String {
        self.local(at).format("%Y-%m-%dT%H:%M").to_string()
    }

    /// The instant at which the local day `date` begins (midnight, or the first instant after
    /// a DST gap at midnight).
    pub fn start_of_day(self, date: NaiveDate) -> DateTime<Utc> {
        self.instant(date, NaiveTime::MIN)
    }
}

/// Documented as the closed list of names the server's database knows (chrono-tz's), so that
/// a client can offer exactly those.
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for TimeZone {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(Zone::names()))
            .description(Some(
                "An IANA time zone name, exactly as the IANA database writes it (surrounding \
                 blanks are ignored).",
            ))
            .examples(["America/New_York"])
            .into()
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for TimeZone {}

impl TryFrom<String> for TimeZone {
    type Error = TimeZoneError;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        TimeZone::parse(&name)
    }
}

impl From<TimeZone> for String {
    fn from(zone: TimeZone) -> String {
        zone.name().to_owned()
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn parses_iana_names_and_refuses_others() {
        assert_eq!(
            TimeZone::parse("Asia/Kolkata").unwrap().name(),
            "Asia/Kolkata"
        );
        assert_eq!(
            TimeZone::parse("Mars/Olympus").unwrap_err().to_string(),
            "unknown time zone \"Mars/Olympus\": expected an IANA name such as America/New_York"
        );
        let zone: TimeZone = serde_json::from_str("\"Pacific/Chatham\"").unwrap();
        assert_eq!(serde_json::to_string(&zone).unwrap(), "\"Pacific/Chatham\"");
    }

    #[test]
    fn a_form_time_is_read_on_the_wall_clock_of_the_zone() {
        let ny = TimeZone::parse("America/New_York").unwrap();
        let at = ny.parse_local("2026-11-24T09:00").unwrap();
        assert_eq!(at, utc("2026-11-24T14:00:00Z"));
        assert_eq!(
            ny.parse_local(" 2026-07-01T09:00:30 "),
            Some(utc("2026-07-01T13:00:30Z"))
        );
        assert_eq!(ny.format_local(at), "2026-11-24T09:00");
        assert_eq!(ny.parse_local("24/11/2026 09:00"), None);
        assert_eq!(ny.parse_local("2026-02-30T09:00"), None);
    }

    #[test]
    fn nine_local_is_nine_local_on_both_sides_of_a_dst_change() {
        let ny = TimeZone::parse("America/New_York").unwrap();
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let before = NaiveDate::from_ymd_opt(2025, 3, 8).unwrap();
        let after = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
        assert_eq!(ny.instant(before, nine), utc("2025-03-08T14:00:00Z"));
        assert_eq!(ny.instant(after, nine), utc("2025-03-10T13:00:00Z"));
    }

    #[test]
    fn a_skipped_local_time_resolves_to_the_end_of_the_gap() {
        let berlin = TimeZone::parse("Europe/Berlin").unwrap();
        let day = NaiveDate::from_ymd_opt(2025, 3, 30).unwrap();
        let half_past_two = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
        assert_eq!(
            berlin.instant(day, half_past_two),
            utc("2025-03-30T01:00:00Z")
        );
        let repeated = NaiveDate::from_ymd_opt(2025, 10, 26).unwrap();
        assert_eq!(
            berlin.instant(repeated, half_past_two),
            utc("2025-10-26T00:30:00Z")
        );
    }
}
