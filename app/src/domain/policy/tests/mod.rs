//! Shared fixtures for the engine's tests: a small company (teams, users) and helpers to write
//! touches in a contact's local time.

mod alerts;
mod blackouts;
mod legal;
mod next;
mod properties;
mod rules;
mod stories;
mod suppression;
mod timezones;

use crate::domain::conflict::{Conflict, RuleId, Severity};
use crate::domain::contact::ContactFacts;
use crate::domain::ids::{ContactId, TeamId, TouchId, UserId};
use crate::domain::names::Names;
use crate::domain::timezone::TimeZone;
use crate::domain::touch::{ProposedTouch, Touch};
use crate::domain::vocabulary::{Channel, Purpose, Stage, TouchStatus};
use chrono::{DateTime, NaiveDateTime, Utc};

pub const CORPORATE: TeamId = TeamId(1);
pub const BOSTON: TeamId = TeamId(2);
pub const INSIDE: TeamId = TeamId(3);
pub const SERVICE: TeamId = TeamId(4);
pub const DANA: UserId = UserId(10);
pub const MARCO: UserId = UserId(11);
pub const CORA: UserId = UserId(12);
pub const SAM: UserId = UserId(13);

/// The demo company's names.
pub fn names() -> Names {
    Names::new()
        .with_team(CORPORATE, "Corporate marketing")
        .with_team(BOSTON, "Boston store marketing")
        .with_team(INSIDE, "Inside sales")
        .with_team(SERVICE, "Service")
        .with_user(DANA, "Dana Rep")
        .with_user(MARCO, "Marco Local")
        .with_user(CORA, "Cora Brand")
        .with_user(SAM, "Sam Service")
}

/// Each team's usual author.
pub fn author(team: TeamId) -> UserId {
    match team {
        CORPORATE => CORA,
        BOSTON => MARCO,
        INSIDE => DANA,
        _ => SAM,
    }
}

pub fn ny() -> TimeZone {
    TimeZone::parse("America/New_York").unwrap()
}

/// An instant in UTC, RFC 3339.
pub fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// An instant given as local `YYYY-MM-DD HH:MM` in a zone.
pub fn local(zone: TimeZone, text: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
    zone.instant(naive.date(), naive.time())
}

/// A New York contact with every channel consented (SMS too).
pub fn contact(stage: Stage) -> ContactFacts {
    let mut contact = ContactFacts::new(ContactId(100), stage, ny());
    contact.consent.sms = true;
    contact
}

/// A planned ledger touch at a New York local time, by the team's usual author.
pub fn touch(id: i64, channel: Channel, purpose: Purpose, team: TeamId, at: &str) -> Touch {
    Touch {
        id: TouchId(id),
        channel,
        purpose,
        team,
        author: author(team),
        campaign: None,
        scheduled_at: local(ny(), at),
        status: TouchStatus::Planned,
        automated: false,
        personalized: true,
    }
}

/// A proposed touch at a New York local time, by the team's usual author.
pub fn proposed(channel: Channel, purpose: Purpose, team: TeamId, at: &str) -> ProposedTouch {
    ProposedTouch::new(channel, purpose, team, author(team), local(ny(), at))
}

/// The (proposed index, rule, severity) of each conflict, in the engine's order.
pub fn found(conflicts: &[Conflict]) -> Vec<(usize, RuleId, Severity)> {
    conflicts
        .iter()
        .map(|c| (c.proposed, c.rule, c.severity))
        .collect()
}

/// The message of the only conflict with this rule.
pub fn message(conflicts: &[Conflict], rule: RuleId) -> String {
    let matching: Vec<_> = conflicts.iter().filter(|c| c.rule == rule).collect();
    assert_eq!(
        matching.len(),
        1,
        "expected one {rule} conflict in {conflicts:#?}"
    );
    matching[0].message.clone()
}
