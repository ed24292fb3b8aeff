//! A wall-clock time of day in rule parameters (`09:00`), read in a contact's own time zone.

use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A time of day to the minute, written `HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime(NaiveTime);

/// A time of day that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid time of day {0:?}: expected HH:MM, e.g. 09:00")]
pub struct ClockTimeError(pub String);

impl ClockTime {
    /// `hour:minute`, or `None` when out of range.
    pub fn hm(hour: u32, minute: u32) -> Option<ClockTime> {
        NaiveTime::from_hms_opt(hour, minute, 0).map(ClockTime)
    }

    /// Parses `HH:MM` (`9:00` is accepted too).
    pub fn parse(text: &str) -> Result<ClockTime, ClockTimeError> {
        NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map(ClockTime)
            .map_err(|_| ClockTimeError(text.to_owned()))
    }

    /// The chrono time, for local date-time arithmetic.
    pub fn time(self) -> NaiveTime {
        self.0
    }
}

impl TryFrom<String> for ClockTime {
    type Error = ClockTimeError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        ClockTime::parse(&text)
    }
}

impl From<ClockTime> for String {
    fn from(time: ClockTime) -> String {
        time.to_string()
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hh_mm() {
        assert_eq!(ClockTime::parse("9:00").unwrap().to_string(), "09:00");
        assert_eq!(
            ClockTime::parse("20:30"),
            Ok(ClockTime::hm(20, 30).unwrap())
        );
        assert_eq!(
            ClockTime::parse("25:00").unwrap_err().to_string(),
            "invalid time of day \"25:00\": expected HH:MM, e.g. 09:00"
        );
    }
}
