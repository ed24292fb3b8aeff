//! A length of time in rule parameters, written the way an admin says it: `24h`, `7d`, `90m`.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

const MINUTES_PER_HOUR: u32 = 60;
const MINUTES_PER_DAY: u32 = 24 * 60;

/// A whole number of minutes, written as `7d`, `24h`, `30m` or combinations like `1h30m`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Span(u32);

/// A span that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid duration {0:?}: expected a number with a unit, e.g. 24h, 7d or 30m")]
pub struct SpanError(pub String);

impl Span {
    /// A span of `n` minutes.
    pub const fn minutes(n: u32) -> Span {
        Span(n)
    }

    /// A span of `n` hours.
    pub const fn hours(n: u32) -> Span {
        Span(n * MINUTES_PER_HOUR)
    }

    /// A span of `n` days (of 24 hours: windows are rolling, not calendar days).
    pub const fn days(n: u32) -> Span {
        Span(n * MINUTES_PER_DAY)
    }

    /// The length in minutes.
    pub fn as_minutes(self) -> u32 {
        self.0
    }

    /// The length in milliseconds, the engine's internal unit.
    pub fn as_millis(self) -> i64 {
        i64::from(self.0) * 60_000
    }

    /// Whether the span is empty (refused by rule validation).
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Parses `24h`, `7d`, `90m`, `1d12h`; blanks are ignored.
    pub fn parse(text: &str) -> Result<Span, SpanError> {
        let error = || SpanError(text.to_owned());
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut total: u32 = 0;
        let mut digits = String::new();
        let mut saw_part = false;
        for c in compact.to_ascii_lowercase().chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            let unit = match c {
                'd' => MINUTES_PER_DAY,
                'h' => MINUTES_PER_HOUR,
                'm' => 1,
                _ => return Err(error()),
            };
            let value: u32 = digits.parse().map_err(|_| error())?;
            let part = value.checked_mul(unit).ok_or_else(error)?;
            total = total.checked_add(part).ok_or_else(error)?;
            digits.clear();
            saw_part = true;
        }
        if !digits.is_empty() || !saw_part {
            return Err(error());
        }
        Ok(Span(total))
    }
}

impl TryFrom<String> for Span {
    type Error = SpanError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Span::parse(&text)
    }
}

impl From<Span> for String {
    fn from(span: Span) -> String {
        span.to_string()
    }
}

impl fmt::Display for Span {
    /// The compact form: `7d`, `24h`, `1h30m`, `0m`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (days, rest) = (self.0 / MINUTES_PER_DAY, self.0 % MINUTES_PER_DAY);
        let (hours, minutes) = (rest / MINUTES_PER_HOUR, rest % MINUTES_PER_HOUR);
        if self.0 == 0 {
            return f.write_str("0m");
        }
        if rest == 0 && days >= 4 {
            return write!(f, "{days}d");
        }
        let hours = hours + days * 24;
        if hours > 0 {
            write!(f, "{hours}h")?;
        }
        if minutes > 0 {
            write!(f, "{minutes}m")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("24h", Span::hours(24), "24h")]
    #[case("7d", Span::days(7), "7d")]
    #[case("72h", Span::hours(72), "72h")]
    #[case("1h 30m", Span::minutes(90), "1h30m")]
    #[case("1d12h", Span::hours(36), "36h")]
    #[case("0h", Span::minutes(0), "0m")]
    fn parses_and_prints(#[case] text: &str, #[case] span: Span, #[case] printed: &str) {
        assert_eq!(Span::parse(text), Ok(span));
        assert_eq!(span.to_string(), printed);
    }

    #[rstest]
    #[case("")]
    #[case("24")]
    #[case("h")]
    #[case("3 weeks")]
    #[case("99999999999d")]
    fn refuses_what_it_cannot_read(#[case] text: &str) {
        assert_eq!(Span::parse(text), Err(SpanError(text.to_owned())));
    }
}
