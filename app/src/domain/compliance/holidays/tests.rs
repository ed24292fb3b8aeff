//! Holidays against the published calendars (OPM for the US, the Government of Canada, the
//! French Service-Public, GOV.UK).

use super::*;

fn dates(country: Country, region: Option<&str>, year: i32) -> Vec<String> {
    let region = region.map(|r| Region::parse(r).unwrap());
    holidays(country, region, year)
        .iter()
        .map(|h| h.observed.unwrap_or(h.date).format("%m-%d").to_string())
        .collect()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn us_federal_holidays_2026_as_opm_publishes_them() {
    // Independence Day 2026 is a Saturday: observed Friday 3 July.
    assert_eq!(
        dates(Country::US, None, 2026),
        [
            "01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "09-07", "10-12", "11-11",
            "11-26", "12-25"
        ]
    );
}

#[test]
fn us_weekend_holidays_move_to_friday_or_monday() {
    // 2027: 4 July is a Sunday (observed Monday 5 July), 25 December a Saturday (Friday 24).
    let al = Region::parse("US-AL").ok();
    assert_eq!(
        holiday_on(Country::US, al, day("2027-07-05")).unwrap().name,
        "Independence Day"
    );
    assert_eq!(
        holiday_on(Country::US, al, day("2027-12-24")).unwrap().name,
        "Christmas Day"
    );
    assert_eq!(
        holiday_on(Country::US, al, day("2027-12-25")).unwrap().name,
        "Christmas Day"
    );
    assert!(holiday_on(Country::US, al, day("2027-07-06")).is_none());
    // New Year's Day 2028 is a Saturday: observed on Friday 31 December 2027.
    assert_eq!(
        holiday_on(Country::US, None, day("2027-12-31"))
            .unwrap()
            .name,
        "New Year's Day"
    );
}

#[test]
fn alabama_keeps_its_own_state_holidays() {
    let al = Region::parse("US-AL").ok();
    assert_eq!(
        holiday_on(Country::US, al, day("2026-04-27")).unwrap().name,
        "Confederate Memorial Day"
    );
    assert!(holiday_on(Country::US, None, day("2026-04-27")).is_none());
}

#[test]
fn french_holidays_2026_follow_easter_and_never_move() {
    assert_eq!(
        dates(Country::FR, None, 2026),
        [
            "01-01", "04-06", "05-01", "05-08", "05-14", "05-25", "07-14", "08-15", "11-01",
            "11-11", "12-25"
        ]
    );
    // 2027: Easter is 28 March; Ascension 6 May, Whit Monday 17 May.
    assert_eq!(
        holiday_on(Country::FR, None, day("2027-05-06"))
            .unwrap()
            .name,
        "Ascension"
    );
    assert_eq!(
        holiday_on(Country::FR, None, day("2027-05-17"))
            .unwrap()
            .name,
        "Lundi de Pentecôte"
    );
    // Alsace-Moselle adds Good Friday and 26 December.
    let moselle = Region::parse("FR-57").ok();
    assert!(holiday_on(Country::FR, moselle, day("2026-04-03")).is_some());
    assert!(holiday_on(Country::FR, None, day("2026-04-03")).is_none());
}

#[test]
fn england_and_wales_bank_holidays_with_substitute_days() {
    // 2026: Boxing Day is a Saturday, substitute Monday 28 December.
    assert_eq!(
        dates(Country::GB, None, 2026),
        ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"]
    );
    // 2027: Christmas on a Saturday and Boxing Day on a Sunday: Monday 27 and Tuesday 28.
    assert_eq!(
        dates(Country::GB, None, 2027),
        ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"]
    );
    assert!(holiday_on(Country::GB, None, day("2022-09-19")).is_some());
}

#[test]
fn canadian_general_holidays_2026() {
    assert_eq!(
        dates(Country::CA, None, 2026),
        [
            "01-01", "04-03", "05-18", "07-01", "09-07", "09-30", "10-12", "11-11", "12-25",
            "12-26"
        ]
    );
    // 2029: Canada Day is a Sunday, observed Monday 2 July.
    assert_eq!(
        holiday_on(Country::CA, None, day("2029-07-02"))
            .unwrap()
            .name,
        "Canada Day"
    );
}

#[test]
fn every_holiday_and_observed_day_is_found_for_a_century() {
    // Every observed day falls in its holiday's own year but for a US New Year's Day observed
    // on 31 December, which is what lets `holiday_on` read one year's list (two on 31 Dec).
    let al = Region::parse("US-AL").ok();
    for year in 2000..=2100 {
        for (country, region) in [
            (Country::US, al),
            (Country::CA, None),
            (Country::FR, None),
            (Country::GB, None),
        ] {
            for h in holidays(country, region, year) {
                for day in [h.date, h.observed.unwrap_or(h.date)] {
                    let new_years_eve = day.month() == 12 && day.day() == 31;
                    assert!(day.year() == year || new_years_eve, "{country} {h:?}");
                    assert!(
                        holiday_on(country, region, day).is_some(),
                        "{country} {day} {h:?}"
                    );
                }
            }
        }
    }
}
