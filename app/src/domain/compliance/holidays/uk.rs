//! The United Kingdom: the bank holidays of England and Wales (Banking and Financial Dealings
//! Act 1971 and royal proclamations), with their substitute days, and the one-off days
//! proclaimed since 2020.

use super::{easter, last, nth, ymd, Holiday};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The next weekday on or after `day` that is not already taken.
fn substitute(date: NaiveDate, taken: &[NaiveDate]) -> Option<NaiveDate> {
    if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return None;
    }
    let mut day = date;
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || taken.contains(&day) {
        day = day.checked_add_days(Days::new(1))?;
    }
    Some(day)
}

/// Days proclaimed once, and the years a regular one was moved.
fn proclaimed(year: i32) -> Vec<Holiday> {
    match year {
        2020 => vec![Holiday::on(
            ymd(2020, 5, 8),
            "Early May bank holiday (VE Day)",
        )],
        2022 => vec![
            Holiday::on(ymd(2022, 6, 2), "Spring bank holiday"),
            Holiday::on(ymd(2022, 6, 3), "Platinum Jubilee bank holiday"),
            Holiday::on(ymd(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        ],
        2023 => vec![Holiday::on(
            ymd(2023, 5, 8),
            "Bank holiday for the coronation of King Charles III",
        )],
        _ => Vec::new(),
    }
}

pub(super) fn holidays(year: i32) -> Vec<Holiday> {
    use Weekday::Mon;
    let christmas = ymd(year, 12, 25);
    let boxing = ymd(year, 12, 26);
    let christmas_off = substitute(christmas, &[]);
    let boxing_off = substitute(boxing, &[christmas, christmas_off.unwrap_or(christmas)]);
    let new_year = ymd(year, 1, 1);
    let mut list = vec![
        Holiday {
            date: new_year,
            observed: substitute(new_year, &[]),
            name: "New Year's Day",
        },
        Holiday::on(easter(year, -2), "Good Friday"),
        Holiday::on(easter(year, 1), "Easter Monday"),
        Holiday::on(last(year, 8, Mon), "Summer bank holiday"),
        Holiday {
            date: christmas,
            observed: christmas_off,
            name: "Christmas Day",
        },
        Holiday {
            date: boxing,
            observed: boxing_off,
            name: "Boxing Day",
        },
    ];
    let moved = proclaimed(year);
    if year != 2020 {
        list.push(Holiday::on(nth(year, 5, Mon, 1), "Early May bank holiday"));
    }
    if year != 2022 {
        list.push(Holiday::on(last(year, 5, Mon), "Spring bank holiday"));
    }
    list.extend(moved);
    list
}
