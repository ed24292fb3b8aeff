//! The four views and the local days each covers: a month grid of whole weeks (Monday
//! first), a week, a day, or a fortnight of agenda; and where "previous" and "next" go.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How the calendar lays out its days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// Whole weeks around one month.
    #[default]
    Month,
    /// Monday to Sunday.
    Week,
    /// One day, every touch (a page at a time).
    Day,
    /// A list of the next fourteen days that have touches.
    Agenda,
}

/// How many days the agenda lists.
pub const AGENDA_DAYS: u64 = 14;

impl View {
    /// Every view, in the order the switcher shows them.
    pub const ALL: [View; 4] = [View::Month, View::Week, View::Day, View::Agenda];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Month => "month",
            View::Week => "week",
            View::Day => "day",
            View::Agenda => "agenda",
        }
    }

    /// The view named in the URL; the month for anything else.
    pub fn parse(text: &str) -> View {
        View::ALL
            .into_iter()
            .find(|v| v.as_str() == text)
            .unwrap_or_default()
    }

    /// The name on the switcher.
    pub fn label(self) -> &'static str {
        match self {
            View::Month => "Month",
            View::Week => "Week",
            View::Day => "Day",
            View::Agenda => "Agenda",
        }
    }

    /// How many touches each day shows before "+N more".
    pub fn per_day(self) -> u32 {
        match self {
            View::Month => 3,
            View::Week => 8,
            View::Day => 50,
            View::Agenda => 10,
        }
    }

    /// The local days the view covers around `date`, first to last.
    pub fn days(self, date: NaiveDate) -> Vec<NaiveDate> {
        let (first, count) = match self {
            View::Month => {
                let first_of_month = date.with_day(1).unwrap_or(date);
                let start = monday_of(first_of_month);
                let next_month = first_of_month + Months::new(1);
                let end = monday_of(next_month - Days::new(1)) + Days::new(7);
                (start, (end - start).num_days() as u64)
            }
            View::Week => (monday_of(date), 7),
            View::Day => (date, 1),
            View::Agenda => (date, AGENDA_DAYS),
        };
        (0..count).map(|i| first + Days::new(i)).collect()
    }

    /// The date "previous" (`forward` false) or "next" leads to.
    pub fn step(self, date: NaiveDate, forward: bool) -> NaiveDate {
        let shifted = match self {
            View::Month => {
                let first = date.with_day(1).unwrap_or(date);
                if forward {
                    first.checked_add_months(Months::new(1))
                } else {
                    first.checked_sub_months(Months::new(1))
                }
            }
            View::Week => days_from(date, 7, forward),
            View::Day => days_from(date, 1, forward),
            View::Agenda => days_from(date, AGENDA_DAYS, forward),
        };
        shifted.unwrap_or(date)
    }

    /// The heading for the view at `date`, e.g. "November 2026" or "Week of 23 Nov 2026".
    pub fn title(self, date: NaiveDate) -> String {
        match self {
            View::Month => date.format("%B %Y").to_string(),
            View::Week => format!("Week of {}", monday_of(date).format("%-d %b %Y")),
            View::Day => date.format("%A %-d %B %Y").to_string(),
            View::Agenda => format!("Agenda from {}", date.format("%-d %b %Y")),
        }
    }
}

fn days_from(date: NaiveDate, days: u64, forward: bool) -> Option<NaiveDate> {
    if forward {
        date.checked_add_days(Days::new(days))
    } else {
        date.checked_sub_days(Days::new(days))
    }
}

/// The Monday of the week holding `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_month_is_whole_weeks_from_monday() {
        let days = View::Month.days(d("2026-11-23"));
        assert_eq!(days.first(), Some(&d("2026-10-26")));
        assert_eq!(days.last(), Some(&d("2026-12-06")));
        assert_eq!(days.len(), 42);
        let feb = View::Month.days(d("2027-02-10"));
        assert_eq!((feb[0], feb.len()), (d("2027-02-01"), 28));
    }

    #[test]
    fn weeks_days_and_agendas_cover_their_days() {
        assert_eq!(View::Week.days(d("2026-11-25"))[0], d("2026-11-23"));
        assert_eq!(View::Day.days(d("2026-11-25")), vec![d("2026-11-25")]);
        assert_eq!(View::Agenda.days(d("2026-11-25")).len(), 14);
    }

    #[test]
    fn previous_and_next_move_by_the_views_span() {
        assert_eq!(View::Month.step(d("2026-01-31"), true), d("2026-02-01"));
        assert_eq!(View::Month.step(d("2026-01-31"), false), d("2025-12-01"));
        assert_eq!(View::Week.step(d("2026-11-25"), true), d("2026-12-02"));
        assert_eq!(View::Agenda.step(d("2026-11-25"), false), d("2026-11-11"));
    }

    #[test]
    fn unknown_views_fall_back_to_the_month() {
        assert_eq!(View::parse("agenda"), View::Agenda);
        assert_eq!(View::parse("year"), View::Month);
    }
}
