//! The next allowed instant: jumps to the ends of windows, gaps and cool-downs and to
//! quiet-hours openings, and gives up when a block never clears or the horizon is passed.

use super::*;
use crate::domain::ledger::Ledger;
use crate::domain::policy::{evaluate, next_allowed};
use crate::domain::rules::Rules;
use chrono::TimeDelta;
use Channel::{Email, Mail, Phone, Sms};
use Purpose::{Promotional, Service};

fn next(touches: &[Touch], touch: &ProposedTouch, horizon_days: i64) -> Option<DateTime<Utc>> {
    let person = contact(Stage::Customer);
    let ledger = Ledger::new(touches, &[]);
    let horizon = TimeDelta::days(horizon_days);
    next_allowed(
        &person,
        ledger,
        &Rules::default(),
        touch,
        touch.scheduled_at,
        horizon,
    )
}

#[test]
fn an_allowed_instant_is_its_own_answer() {
    let asked = proposed(Email, Service, INSIDE, "2025-01-13 10:17");
    assert_eq!(next(&[], &asked, 14), Some(asked.scheduled_at));
}

#[test]
fn a_full_day_moves_to_the_end_of_the_window() {
    let ledger = [
        touch(1, Email, Service, INSIDE, "2025-01-13 09:00"),
        touch(2, Email, Service, INSIDE, "2025-01-13 14:00"),
    ];
    let asked = proposed(Email, Service, INSIDE, "2025-01-13 19:00");
    assert_eq!(
        next(&ledger, &asked, 14),
        Some(local(ny(), "2025-01-14 09:00"))
    );
}

#[test]
fn a_gap_and_the_cap_window_of_a_later_touch_are_both_respected() {
    let ledger = [
        touch(1, Email, Service, INSIDE, "2025-01-13 09:00"),
        touch(2, Email, Service, INSIDE, "2025-01-14 10:00"),
    ];
    let asked = proposed(Email, Service, INSIDE, "2025-01-13 10:00");
    assert_eq!(
        next(&ledger, &asked, 14),
        Some(local(ny(), "2025-01-13 13:00"))
    );
    let crowded = [
        touch(1, Email, Service, INSIDE, "2025-01-13 09:00"),
        touch(2, Email, Service, INSIDE, "2025-01-13 13:00"),
        touch(3, Email, Service, INSIDE, "2025-01-14 12:00"),
    ];
    let asked = proposed(Email, Service, INSIDE, "2025-01-13 10:00");
    assert_eq!(
        next(&crowded, &asked, 14),
        Some(local(ny(), "2025-01-14 16:00"))
    );
}

#[test]
fn sms_in_the_evening_waits_for_the_morning() {
    let asked = proposed(Sms, Service, INSIDE, "2025-01-13 21:30");
    assert_eq!(next(&[], &asked, 14), Some(local(ny(), "2025-01-14 09:00")));
}

#[test]
fn a_call_on_saturday_night_waits_for_monday_morning() {
    let asked = proposed(Phone, Service, INSIDE, "2025-01-18 20:30");
    assert_eq!(next(&[], &asked, 14), Some(local(ny(), "2025-01-20 09:00")));
}

#[test]
fn blocks_that_never_clear_give_none() {
    let asked = proposed(Email, Promotional, CORPORATE, "2025-01-13 10:00");
    let mut person = contact(Stage::Lead);
    person.consent.email = false;
    let week = TimeDelta::days(7);
    let rules = Rules::default();
    let at = next_allowed(
        &person,
        Ledger::empty(),
        &rules,
        &asked,
        asked.scheduled_at,
        week,
    );
    assert_eq!(at, None);
}

#[test]
fn nothing_within_the_horizon_gives_none() {
    let ledger: Vec<Touch> = (0..5)
        .map(|d| {
            touch(
                d + 1,
                Email,
                Service,
                INSIDE,
                &format!("2025-01-{:02} 10:00", 13 + d),
            )
        })
        .collect();
    let asked = proposed(Email, Service, INSIDE, "2025-01-18 10:00");
    assert_eq!(next(&ledger, &asked, 1), None);
    assert_eq!(
        next(&ledger, &asked, 14),
        Some(local(ny(), "2025-01-20 10:00"))
    );
}

#[test]
fn mail_moves_by_whole_local_days() {
    let ledger = [
        touch(1, Email, Service, INSIDE, "2025-01-16 09:00"),
        touch(2, Email, Service, INSIDE, "2025-01-16 14:00"),
    ];
    let mail = proposed(Mail, Promotional, CORPORATE, "2025-01-13 08:00");
    let at = next(&ledger, &mail, 14).unwrap();
    assert_eq!(at, local(ny(), "2025-01-15 00:00"));
    let mut moved = mail.clone();
    moved.scheduled_at = at;
    let person = contact(Stage::Customer);
    let conflicts = evaluate(
        &person,
        Ledger::new(&ledger, &[]),
        &Rules::default(),
        &[moved],
    );
    assert!(
        conflicts.iter().all(|c| c.severity != Severity::Block),
        "{conflicts:#?}"
    );
}
