//! Quiet hours in the contact's own zone: the days around US and EU DST changes, a half-hour
//! zone, zones east of UTC+12, and a viewer whose zone differs from the contact's.

use super::*;
use crate::domain::ledger::Ledger;
use crate::domain::policy::{evaluate, next_allowed, Evaluator};
use crate::domain::rules::Rules;
use chrono::TimeDelta;
use rstest::rstest;
use Channel::{Email, Phone, Sms};
use Purpose::Service;

/// Conflicts and next allowed instant of a touch at a UTC instant for a contact in `zone`.
fn quiet(zone: &str, channel: Channel, at: &str) -> (Vec<RuleId>, Option<DateTime<Utc>>) {
    let mut person = contact(Stage::Customer);
    person.time_zone = TimeZone::parse(zone).unwrap();
    let touch = ProposedTouch::new(channel, Service, SERVICE, SAM, utc(at));
    let rules = Rules::default();
    let conflicts = evaluate(
        &person,
        Ledger::empty(),
        &rules,
        std::slice::from_ref(&touch),
    );
    let rules_hit = conflicts.iter().map(|c| c.rule).collect();
    let horizon = TimeDelta::days(14);
    let next = next_allowed(
        &person,
        Ledger::empty(),
        &rules,
        &touch,
        touch.scheduled_at,
        horizon,
    );
    (rules_hit, next)
}

#[rstest]
// US spring forward, Sunday 9 March 2025: 09:00 is 14:00Z before and 13:00Z after.
#[case::us_friday_before(
    "America/New_York",
    Sms,
    "2025-03-07T13:30:00Z",
    "2025-03-07T14:00:00Z"
)]
#[case::us_saturday_evening(
    "America/New_York",
    Sms,
    "2025-03-09T01:00:00Z",
    "2025-03-09T13:00:00Z"
)]
#[case::us_monday_after(
    "America/New_York",
    Sms,
    "2025-03-10T12:30:00Z",
    "2025-03-10T13:00:00Z"
)]
#[case::us_phone_on_dst_sunday(
    "America/New_York",
    Phone,
    "2025-03-09T15:00:00Z",
    "2025-03-10T13:00:00Z"
)]
// US fall back, Sunday 2 November 2025: 09:00 is 13:00Z before and 14:00Z after.
#[case::us_monday_after_fall_back(
    "America/New_York",
    Sms,
    "2025-11-03T13:30:00Z",
    "2025-11-03T14:00:00Z"
)]
// EU: Berlin, spring forward Sunday 30 March, fall back Sunday 26 October 2025.
#[case::eu_monday_after_spring(
    "Europe/Berlin",
    Sms,
    "2025-03-31T06:30:00Z",
    "2025-03-31T07:00:00Z"
)]
#[case::eu_evening_before_fall_back(
    "Europe/Berlin",
    Sms,
    "2025-10-25T18:00:00Z",
    "2025-10-26T08:00:00Z"
)]
#[case::eu_monday_after_fall_back(
    "Europe/Berlin",
    Sms,
    "2025-10-27T07:30:00Z",
    "2025-10-27T08:00:00Z"
)]
// Half-hour zone: 09:00 IST is 03:30Z, 20:00 IST is 14:30Z.
#[case::kolkata_morning("Asia/Kolkata", Sms, "2025-01-13T03:15:00Z", "2025-01-13T03:30:00Z")]
#[case::kolkata_evening("Asia/Kolkata", Sms, "2025-01-13T14:30:00Z", "2025-01-14T03:30:00Z")]
// UTC+14: Saturday 20:00Z is already Sunday 10:00 there, so no calls until Monday 09:00.
#[case::kiritimati_sunday(
    "Pacific/Kiritimati",
    Phone,
    "2025-01-11T20:00:00Z",
    "2025-01-12T19:00:00Z"
)]
// UTC+13:45 in January (Chatham daylight time): 09:00 is 19:15Z the day before.
#[case::chatham_early("Pacific/Chatham", Sms, "2025-01-13T18:00:00Z", "2025-01-13T19:15:00Z")]
fn quiet_hours_are_read_in_the_contacts_zone(
    #[case] zone: &str,
    #[case] channel: Channel,
    #[case] at: &str,
    #[case] opens: &str,
) {
    assert_eq!(
        quiet(zone, channel, at),
        (vec![RuleId::QuietHours], Some(utc(opens)))
    );
}

#[rstest]
#[case::us_sunday_sms_after_spring("America/New_York", Sms, "2025-03-09T13:00:00Z")]
#[case::us_last_minute("America/New_York", Sms, "2025-03-10T23:59:00Z")]
#[case::eu_sunday_after_fall_back("Europe/Berlin", Sms, "2025-10-26T08:00:00Z")]
#[case::eu_saturday_summer_time("Europe/Berlin", Sms, "2025-10-25T07:00:00Z")]
#[case::kolkata_last_minute("Asia/Kolkata", Sms, "2025-01-13T14:29:00Z")]
#[case::kiritimati_tuesday_nine("Pacific/Kiritimati", Phone, "2025-01-13T19:00:00Z")]
#[case::chatham_nine("Pacific/Chatham", Phone, "2025-01-13T19:15:00Z")]
#[case::email_at_night("Asia/Kolkata", Email, "2025-01-13T20:00:00Z")]
fn inside_the_window_is_allowed(#[case] zone: &str, #[case] channel: Channel, #[case] at: &str) {
    assert_eq!(quiet(zone, channel, at), (vec![], Some(utc(at))));
}

#[test]
fn a_viewer_reads_explanations_in_their_own_zone() {
    let person = contact(Stage::Prospect);
    let ledger = [
        touch(1, Email, Purpose::SalesFollowup, INSIDE, "2025-01-14 09:00"),
        touch(2, Email, Purpose::Promotional, BOSTON, "2025-01-14 13:30"),
    ];
    let names = names();
    let ledger = Ledger::new(&ledger, &[]).with_names(&names);
    let kolkata = TimeZone::parse("Asia/Kolkata").unwrap();
    let mut evaluator = Evaluator::new(&Rules::default()).in_zone(kolkata);
    let next = [proposed(
        Email,
        Purpose::Promotional,
        CORPORATE,
        "2025-01-14 15:00",
    )];
    let conflicts = evaluator.evaluate(&person, ledger, &next);
    assert_eq!(
        message(&conflicts, RuleId::DailyCap),
        "3rd touch in 24 h, limit 2: Inside sales email Tue 19:30, \
         Boston store marketing email Wed 00:00"
    );
    let late = [proposed(Sms, Service, SERVICE, "2025-01-14 21:00")];
    let conflicts = evaluator.evaluate(&person, Ledger::empty(), &late);
    assert_eq!(
        message(&conflicts, RuleId::QuietHours),
        "SMS at Tue 21:00 in the contact's time zone (America/New_York), outside 09:00–20:00 \
         (Wed 15 Jan 07:30 Asia/Kolkata)"
    );
}

#[test]
fn the_contact_zone_is_used_without_a_viewer() {
    let person = contact(Stage::Customer);
    let sunday_call = [proposed(Phone, Service, SERVICE, "2025-01-19 11:00")];
    let conflicts = evaluate(&person, Ledger::empty(), &Rules::default(), &sunday_call);
    assert_eq!(
        message(&conflicts, RuleId::QuietHours),
        "Call on Sun 11:00 in the contact's time zone (America/New_York); no calls on Sun"
    );
}
