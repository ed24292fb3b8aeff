//! The stretch of history Concord plans and reports in. Dates far outside it (a URL asking for
//! the year 262142) are refused at the edge, before any zone arithmetic or day-by-day work
//! runs on them.

use super::field_error::FieldError;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::ops::RangeInclusive;

/// The years a date or instant may fall in.
pub const YEARS: RangeInclusive<i32> = 1900..=2999;

/// `date` if its year is in [`YEARS`], else a refusal of `field`.
pub fn plausible_date(field: &str, date: NaiveDate) -> Result<NaiveDate, FieldError> {
    if YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(out_of_range(field))
    }
}

/// `at` if its year is in [`YEARS`], else a refusal of `field`.
pub fn plausible_instant(field: &str, at: DateTime<Utc>) -> Result<DateTime<Utc>, FieldError> {
    plausible_date(field, at.date_naive()).map(|_| at)
}

/// Parses `YYYY-MM-DD` within [`YEARS`].
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate, FieldError> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, "expected a date such as 2026-11-24"))?;
    plausible_date(field, date)
}

fn out_of_range(field: &str) -> FieldError {
    FieldError::new(
        field,
        format!(
            "must fall between the years {} and {}",
            YEARS.start(),
            YEARS.end()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_outside_the_years_concord_plans_in_are_refused_by_field() {
        assert!(parse_date("date", "2026-11-24").is_ok());
        assert_eq!(
            parse_date("date", "+262142-12-31").unwrap_err().field,
            "date"
        );
        let far: NaiveDate = "+262142-12-31".parse().unwrap();
        assert!(plausible_date("date", far).is_err());
        assert!(parse_date("date", "0001-01-01").is_err());
        assert!(parse_date("date", "tomorrow").is_err());
        let at = DateTime::<Utc>::MAX_UTC;
        assert!(plausible_instant("at", at).is_err());
    }
}
