//! Company blackout dates under `holiday`: read on the contact's own calendar, for the channels
//! and teams they name, never for transactional touches, and passed over by the next allowed
//! instant.

use super::*;
use crate::domain::compliance::{Blackout, Blackouts};
use crate::domain::ledger::Ledger;
use crate::domain::policy::{evaluate, next_allowed};
use crate::domain::rules::Rules;
use chrono::{NaiveDate, TimeDelta};
use Channel::{Email, Mail, Phone, Sms};

fn freeze(date: &str, channels: &[Channel], teams: &[TeamId]) -> Rules {
    Rules {
        blackouts: Blackouts {
            days: vec![Blackout {
                date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
                name: "Crisis freeze".into(),
                channels: channels.iter().copied().collect(),
                teams: teams.iter().copied().collect(),
            }],
        },
        ..Rules::default()
    }
}

fn holiday_hits(
    rules: &Rules,
    channel: Channel,
    purpose: Purpose,
    team: TeamId,
    when: &str,
) -> Vec<Conflict> {
    let c = contact(Stage::Lead);
    let touch = ProposedTouch::new(
        channel,
        purpose,
        team,
        author(team),
        local(c.time_zone, when),
    );
    evaluate(&c, Ledger::empty(), rules, &[touch])
        .into_iter()
        .filter(|conflict| conflict.rule == RuleId::Holiday)
        .collect()
}

#[test]
fn a_blackout_for_everything_blocks_every_channel_on_the_contacts_day_only() {
    let rules = freeze("2026-12-10", &[], &[]);
    for channel in [Email, Sms, Phone, Mail] {
        let hits = holiday_hits(
            &rules,
            channel,
            Purpose::Promotional,
            CORPORATE,
            "2026-12-10 10:00",
        );
        assert_eq!(hits.len(), 1, "{channel:?}");
        assert_eq!(hits[0].severity, Severity::Block);
        assert!(
            hits[0].message.contains("Crisis freeze"),
            "{}",
            hits[0].message
        );
    }
    // 23:30 on the 9th in New York is already the 10th in UTC: still open.
    assert!(holiday_hits(
        &rules,
        Email,
        Purpose::Promotional,
        CORPORATE,
        "2026-12-09 23:30"
    )
    .is_empty());
    assert!(holiday_hits(
        &rules,
        Email,
        Purpose::Promotional,
        CORPORATE,
        "2026-12-11 00:00"
    )
    .is_empty());
}

#[test]
fn a_blackout_names_its_channels_and_teams_and_spares_transactional_touches() {
    let rules = freeze("2026-12-10", &[Phone], &[INSIDE]);
    assert_eq!(
        holiday_hits(
            &rules,
            Phone,
            Purpose::SalesFollowup,
            INSIDE,
            "2026-12-10 11:00"
        )
        .len(),
        1
    );
    assert!(holiday_hits(
        &rules,
        Email,
        Purpose::SalesFollowup,
        INSIDE,
        "2026-12-10 11:00"
    )
    .is_empty());
    assert!(holiday_hits(&rules, Phone, Purpose::Service, SERVICE, "2026-12-10 11:00").is_empty());
    assert!(holiday_hits(
        &rules,
        Phone,
        Purpose::Transactional,
        INSIDE,
        "2026-12-10 11:00"
    )
    .is_empty());
    let message = &holiday_hits(
        &rules,
        Phone,
        Purpose::SalesFollowup,
        INSIDE,
        "2026-12-10 11:00",
    )[0]
    .message;
    assert!(message.contains("no calls from this team"), "{message}");
}

#[test]
fn switching_holiday_off_lifts_the_blackout() {
    let mut rules = freeze("2026-12-10", &[], &[]);
    rules.holiday.enabled = false;
    assert!(holiday_hits(
        &rules,
        Email,
        Purpose::Promotional,
        CORPORATE,
        "2026-12-10 10:00"
    )
    .is_empty());
}

#[test]
fn the_next_allowed_instant_is_the_start_of_the_contacts_next_day() {
    let rules = freeze("2026-12-10", &[Email], &[]);
    let c = contact(Stage::Lead);
    let asked = local(c.time_zone, "2026-12-10 09:00");
    let touch = ProposedTouch::new(Email, Purpose::Newsletter, CORPORATE, CORA, asked);
    let next = next_allowed(
        &c,
        Ledger::empty(),
        &rules,
        &touch,
        asked,
        TimeDelta::days(14),
    );
    assert_eq!(next, Some(local(c.time_zone, "2026-12-11 00:00")));
}
