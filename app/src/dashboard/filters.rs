//! The dashboard's filters as typed in the URL (`?from=2026-11-01&to=2026-11-28&team=3`),
//! checked once: dates in the viewer's zone, at most 26 weeks, `from` not after `to`.

use chrono::{Duration, NaiveDate};

/// The longest range the dashboard aggregates, in days.
pub const MAX_DAYS: i64 = 26 * 7;
/// The default range around today: the past two weeks and the next four (a dashboard of what
/// happened and what is planned).
pub const DAYS_BEFORE: i64 = 14;
/// See [`DAYS_BEFORE`].
pub const DAYS_AFTER: i64 = 28;

/// Checked filters: the first and last day shown (inclusive) and the team, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filters {
    /// The first day.
    pub from: NaiveDate,
    /// The last day (included).
    pub to: NaiveDate,
    /// Only this team.
    pub team: Option<i64>,
}

fn date(field: &str, text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{field}: {text:?} is not a date like 2026-11-01"))?;
    crate::domain::dates::plausible_date(field, date)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// Reads the filters; blanks take the defaults: two weeks before `today` to four weeks after,
/// or six weeks from (or up to) the one date given.
pub fn parse(from: &str, to: &str, team: &str, today: NaiveDate) -> Result<Filters, String> {
    let span = Duration::days(DAYS_BEFORE + DAYS_AFTER);
    let given_from = date("from", from)?;
    let to = match (date("to", to)?, given_from) {
        (Some(to), _) => to,
        (None, Some(from)) => from + span,
        (None, None) => today + Duration::days(DAYS_AFTER),
    };
    let from = given_from.unwrap_or(to - span);
    if from > to {
        return Err(format!("from: {from} is after to ({to})"));
    }
    if (to - from).num_days() + 1 > MAX_DAYS {
        return Err(format!(
            "from: the range may span at most {} weeks",
            MAX_DAYS / 7
        ));
    }
    let team = match team.trim() {
        "" => None,
        t => Some(
            t.parse::<i64>()
                .map_err(|_| format!("team: {t:?} is not a team"))?,
        ),
    };
    Ok(Filters { from, to, team })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn blanks_take_two_weeks_back_and_four_ahead() {
        let f = parse("", "", "", d("2026-11-28")).unwrap();
        assert_eq!(
            (f.from, f.to, f.team),
            (d("2026-11-14"), d("2026-12-26"), None)
        );
        let f = parse("2026-10-01", "", "", d("2026-11-28")).unwrap();
        assert_eq!((f.from, f.to), (d("2026-10-01"), d("2026-11-12")));
        let f = parse("", "2026-10-01", "", d("2026-11-28")).unwrap();
        assert_eq!((f.from, f.to), (d("2026-08-20"), d("2026-10-01")));
        let f = parse("2026-10-01", "2026-10-07", "3", d("2026-11-28")).unwrap();
        assert_eq!(
            (f.from, f.to, f.team),
            (d("2026-10-01"), d("2026-10-07"), Some(3))
        );
    }

    #[test]
    fn bad_filters_are_refused_naming_the_field() {
        let today = d("2026-11-28");
        assert!(parse("1 Nov", "", "", today)
            .unwrap_err()
            .starts_with("from:"));
        assert!(parse("2026-11-10", "2026-11-01", "", today)
            .unwrap_err()
            .starts_with("from:"));
        assert!(parse("2025-01-01", "2026-11-01", "", today)
            .unwrap_err()
            .contains("26 weeks"));
        assert!(parse("", "", "x", today).unwrap_err().starts_with("team:"));
    }
}
