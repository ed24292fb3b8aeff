//! Zone arithmetic on the server and in tests: chrono-tz's compiled IANA database.

use chrono::{DateTime, NaiveDateTime, Offset, TimeZone as _, Utc};
use chrono_tz::Tz;

/// An IANA zone from chrono-tz's database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Zone(Tz);

impl Zone {
    /// Coordinated Universal Time.
    pub const UTC: Zone = Zone(Tz::UTC);

    /// The zone named exactly `name`, if the database has it.
    pub fn parse(name: &str) -> Option<Zone> {
        name.parse::<Tz>().ok().map(Zone)
    }

    /// The IANA name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Every name the database knows, as [`Zone::parse`] takes them.
    #[cfg(feature = "ssr")]
    pub fn names() -> impl Iterator<Item = &'static str> {
        chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name())
    }

    /// The zone's offset from UTC at `at`, in seconds (east positive).
    pub fn offset_seconds(self, at: DateTime<Utc>) -> i32 {
        self.0
            .offset_from_utc_datetime(&at.naive_utc())
            .fix()
            .local_minus_utc()
    }

    /// The earliest instant at which the wall clock shows `local`, or `None` when a DST gap
    /// skips it.
    pub fn earliest(self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        local
            .and_local_timezone(self.0)
            .earliest()
            .map(|at| at.with_timezone(&Utc))
    }
}
