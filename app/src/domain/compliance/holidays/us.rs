//! United States: the federal legal public holidays (5 U.S.C. 6103), observed on the Friday
//! before when they fall on a Saturday and the Monday after when on a Sunday (Executive Order
//! 11582), and the state holidays of Alabama (Ala. Code 1-3-8) on top.

use super::{last, nth, ymd, Holiday};
use crate::domain::compliance::place::{Country, Region};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A fixed-date holiday with the federal weekend rule.
fn fixed(date: NaiveDate, name: &'static str) -> Holiday {
    let observed = match date.weekday() {
        Weekday::Sat => date.checked_sub_days(Days::new(1)),
        Weekday::Sun => date.checked_add_days(Days::new(1)),
        _ => None,
    };
    Holiday {
        date,
        observed,
        name,
    }
}

pub(super) fn holidays(year: i32, region: Option<Region>) -> Vec<Holiday> {
    use Weekday::{Mon, Thu};
    let mut list = vec![
        fixed(ymd(year, 1, 1), "New Year's Day"),
        Holiday::on(nth(year, 1, Mon, 3), "Birthday of Martin Luther King, Jr."),
        Holiday::on(nth(year, 2, Mon, 3), "Washington's Birthday"),
        Holiday::on(last(year, 5, Mon), "Memorial Day"),
        fixed(ymd(year, 7, 4), "Independence Day"),
        Holiday::on(nth(year, 9, Mon, 1), "Labor Day"),
        Holiday::on(nth(year, 10, Mon, 2), "Columbus Day"),
        fixed(ymd(year, 11, 11), "Veterans Day"),
        Holiday::on(nth(year, 11, Thu, 4), "Thanksgiving Day"),
        fixed(ymd(year, 12, 25), "Christmas Day"),
    ];
    if year >= 2021 {
        list.push(fixed(
            ymd(year, 6, 19),
            "Juneteenth National Independence Day",
        ));
    }
    if region == Region::new(Country::US, "AL") {
        list.push(Holiday::on(
            nth(year, 4, Mon, 4),
            "Confederate Memorial Day",
        ));
        list.push(Holiday::on(
            nth(year, 6, Mon, 1),
            "Jefferson Davis' Birthday",
        ));
    }
    list
}
