//! Public holidays computed for any year from each country's rules (fixed dates, the n-th
//! weekday of a month, Easter), with the observed-date rules of each, rather than typed in.
//! Easter Sunday comes from the `computus` crate; the rest is written here and tested against
//! the published calendars.

mod ca;
mod fr;
mod uk;
mod us;

use super::place::{Country, Region};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;

/// One public holiday: its date, the weekday it is observed on instead when it falls on a
/// weekend (where the law moves it), and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// The holiday's own date.
    pub date: NaiveDate,
    /// The day off it gives when that date falls on a weekend, if the law moves it.
    pub observed: Option<NaiveDate>,
    /// Its English name.
    pub name: &'static str,
}

impl Holiday {
    fn on(date: NaiveDate, name: &'static str) -> Holiday {
        Holiday {
            date,
            observed: None,
            name,
        }
    }

    /// Whether `day` is the holiday or the day it is observed on.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.date == day || self.observed == Some(day)
    }
}

/// The public holidays of a country (and region, where its holidays differ) in `year`, by
/// date. Countries without rules here have none.
pub fn holidays(country: Country, region: Option<Region>, year: i32) -> Vec<Holiday> {
    let mut list = unsorted(country, region, year);
    list.sort_by_key(|h| h.date);
    list
}

/// The year's holidays in the order the rules list them.
fn unsorted(country: Country, region: Option<Region>, year: i32) -> Vec<Holiday> {
    if country == Country::US {
        us::holidays(year, region)
    } else if country == Country::CA {
        ca::holidays(year)
    } else if country == Country::FR {
        fr::holidays(year, region)
    } else if country == Country::GB {
        uk::holidays(year)
    } else {
        Vec::new()
    }
}

/// The holiday `day` is (or is observed on) in that place, if any. Only one day is observed in
/// another year than its holiday's: 31 December, for a New Year's Day on a Saturday (US); so
/// the next year's list is read for that day alone.
pub fn holiday_on(country: Country, region: Option<Region>, day: NaiveDate) -> Option<Holiday> {
    let year = day.year();
    let next = (day.month() == 12 && day.day() == 31).then_some(year + 1);
    std::iter::once(year).chain(next).find_map(|year| {
        of_year(country, region, year)
            .iter()
            .copied()
            .find(|h| h.covers(day))
    })
}

/// The year's holidays for that place, computed once per thread: the engine asks for the
/// same few places and years for every contact it judges.
fn of_year(country: Country, region: Option<Region>, year: i32) -> Rc<[Holiday]> {
    type Key = (Country, Option<Region>, i32);
    thread_local! {
        static YEARS: RefCell<FxHashMap<Key, Rc<[Holiday]>>> = RefCell::default();
    }
    /// A bound on the places and years kept (a few KB); past it the cache starts over.
    const KEPT: usize = 512;
    YEARS.with(|years| {
        let mut years = years.borrow_mut();
        if let Some(found) = years.get(&(country, region, year)) {
            return Rc::clone(found);
        }
        if years.len() >= KEPT {
            years.clear();
        }
        let list: Rc<[Holiday]> = unsorted(country, region, year).into();
        years.insert((country, region, year), Rc::clone(&list));
        list
    })
}

/// The date, or `None` for a day that does not exist (never for the rules here).
fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// The `n`-th (1-based) `weekday` of a month.
fn nth(year: i32, month: u32, weekday: Weekday, n: u8) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n).unwrap_or(NaiveDate::MIN)
}

/// The last `weekday` of a month.
fn last(year: i32, month: u32, weekday: Weekday) -> NaiveDate {
    let first_next = if month == 12 {
        ymd(year + 1, 1, 1)
    } else {
        ymd(year, month + 1, 1)
    };
    let mut day = first_next - Days::new(1);
    while day.weekday() != weekday {
        day = day - Days::new(1);
    }
    day
}

/// Easter Sunday (Gregorian), `days` moved.
fn easter(year: i32, days: i64) -> NaiveDate {
    let sunday = computus::gregorian_naive(year).unwrap_or(NaiveDate::MIN);
    sunday + chrono::TimeDelta::days(days)
}

#[cfg(test)]
mod tests;
