//! Canada: the general holidays of the Canada Labour Code (s. 166) that every province shares:
//! a holiday falling on a Sunday moves to the Monday for Canada Day and otherwise stays.

use super::{easter, nth, ymd, Holiday};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The Monday before 25 May.
fn victoria_day(year: i32) -> NaiveDate {
    let mut day = ymd(year, 5, 24);
    while day.weekday() != Weekday::Mon {
        day = day - Days::new(1);
    }
    day
}

pub(super) fn holidays(year: i32) -> Vec<Holiday> {
    use Weekday::Mon;
    let canada_day = ymd(year, 7, 1);
    let mut list = vec![
        Holiday::on(ymd(year, 1, 1), "New Year's Day"),
        Holiday::on(easter(year, -2), "Good Friday"),
        Holiday::on(victoria_day(year), "Victoria Day"),
        Holiday {
            date: canada_day,
            observed: (canada_day.weekday() == Weekday::Sun).then(|| ymd(year, 7, 2)),
            name: "Canada Day",
        },
        Holiday::on(nth(year, 9, Mon, 1), "Labour Day"),
        Holiday::on(nth(year, 10, Mon, 2), "Thanksgiving Day"),
        Holiday::on(ymd(year, 11, 11), "Remembrance Day"),
        Holiday::on(ymd(year, 12, 25), "Christmas Day"),
        Holiday::on(ymd(year, 12, 26), "Boxing Day"),
    ];
    if year >= 2021 {
        list.push(Holiday::on(
            ymd(year, 9, 30),
            "National Day for Truth and Reconciliation",
        ));
    }
    list
}
