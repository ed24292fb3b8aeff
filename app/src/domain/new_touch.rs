//! A touch as a planner asks for it ([`TouchInput`], text) and parsed ([`NewTouch`]), kept
//! apart from the stored [`super::touch::Touch`].

use super::actor::Actor;
use super::audience::Audience;
use super::consent::Topic;
use super::field_error::FieldError;
use super::ids::{CampaignId, ContactId, TeamId};
use super::new_contact::non_blank;
use super::refused::Refused;
use super::touch::ProposedTouch;
use super::vocabulary::{Channel, Purpose};
use chrono::{DateTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

/// A touch to plan, as sent by a client.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TouchInput {
    /// The contact to reach (it must exist).
    pub contact_id: i64,
    /// `email`, `sms`, `phone` or `mail`.
    #[cfg_attr(feature = "ssr", schema(value_type = Channel))]
    pub channel: String,
    /// Why it is sent, e.g. `sales_followup`.
    #[cfg_attr(feature = "ssr", schema(value_type = Purpose))]
    pub purpose: String,
    /// When it goes out, RFC 3339. Planned (`POST /api/v1/touches`): from five minutes ago on;
    /// logged (`POST /api/v1/touches/log`): up to five minutes from now.
    #[cfg_attr(feature = "ssr", schema(value_type = super::wire_schema::Instant))]
    pub scheduled_at: String,
    /// A short title (required, not blank).
    #[cfg_attr(feature = "ssr", schema(value_type = super::wire_schema::NonBlankText))]
    pub title: String,
    /// Free notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// The sending team (it must exist); defaults to the author's team. Only managers and
    /// admins may name another team.
    #[serde(default)]
    pub team_id: Option<i64>,
    /// The campaign it belongs to (it must exist).
    #[serde(default)]
    pub campaign_id: Option<i64>,
    /// Sent by a robo-dialer or bulk tool.
    #[serde(default)]
    pub automated: bool,
    /// Addressed by name (default true).
    #[serde(default)]
    pub personalized: Option<bool>,
    /// Audience conditions, e.g. `child_age < 3 and stage = lead`: each `<field> <op> <value>`
    /// with op one of `=`, `!=`, `<`, `<=`, `>`, `>=`, the field letters, digits, `_`, `.` or
    /// `-` (`stage` only with `=` or `!=` and a stage), separated by `;`, new lines or ` and `;
    /// blank means none.
    #[serde(default)]
    pub audience: Option<String>,
    /// The consent topic it is about, e.g. `newsletter` (it must exist); blank means none.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::TopicOrBlank>))]
    pub topic: Option<String>,
}

/// A parsed touch to plan.
#[derive(Clone, Debug, PartialEq)]
pub struct NewTouch {
    /// The contact to reach.
    pub contact: ContactId,
    /// What the engine checks (channel, purpose, team, author, time, flags, audience).
    pub proposed: ProposedTouch,
    /// A short title.
    pub title: String,
    /// Free notes (may be empty).
    pub notes: String,
}

/// Parses an RFC 3339 instant field.
pub fn parse_instant(field: &str, text: &str) -> Result<DateTime<Utc>, FieldError> {
    let at = DateTime::parse_from_rfc3339(text.trim())
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| FieldError::new(field, "expected an RFC 3339 instant"))?;
    // chrono reads `:60` at any minute as a leap second, which would be stored and echoed back
    // as written; Concord's clocks never show one.
    if at.nanosecond() >= 1_000_000_000 {
        return Err(FieldError::new(
            field,
            "a leap second (:60) is not taken; write :59 or the next minute",
        ));
    }
    super::dates::plausible_instant(field, at)
}

impl NewTouch {
    /// Parses the input for `author`, whose own team sends it unless `team_id` names another
    /// that the author may plan for.
    pub fn parse(input: &TouchInput, author: &Actor) -> Result<NewTouch, Refused> {
        let channel = Channel::parse(&input.channel).map_err(|e| FieldError::new("channel", e))?;
        let purpose = Purpose::parse(&input.purpose).map_err(|e| FieldError::new("purpose", e))?;
        let at = parse_instant("scheduled_at", &input.scheduled_at)?;
        let title =
            non_blank(Some(&input.title)).ok_or_else(|| FieldError::new("title", "is required"))?;
        let audience = non_blank(input.audience.as_deref())
            .map(|text| Audience::parse(&text).map_err(|e| FieldError::new("audience", e)))
            .transpose()?;
        let team = author.team_for(input.team_id.map(TeamId))?;
        let mut proposed = ProposedTouch::new(channel, purpose, team, author.id, at);
        proposed.campaign = input.campaign_id.map(CampaignId);
        proposed.automated = input.automated;
        proposed.personalized = input.personalized.unwrap_or(true);
        proposed.audience = audience;
        proposed.topic = non_blank(input.topic.as_deref())
            .map(|text| Topic::parse(&text).map_err(|e| FieldError::new("topic", e)))
            .transpose()?;
        Ok(NewTouch {
            contact: ContactId(input.contact_id),
            proposed,
            title,
            notes: input.notes.clone().unwrap_or_default(),
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::{ids::UserId, role::Role};

    pub(crate) fn planner() -> Actor {
        Actor {
            id: UserId(1),
            role: Role::Rep,
            team: TeamId(2),
        }
    }

    fn field(refused: Refused) -> String {
        match refused {
            Refused::Field(e) => e.field,
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    fn input() -> TouchInput {
        TouchInput {
            contact_id: 7,
            channel: "email".into(),
            purpose: "newsletter".into(),
            scheduled_at: "2026-11-23T09:00:00-05:00".into(),
            title: "November news".into(),
            ..TouchInput::default()
        }
    }

    #[test]
    fn parses_with_the_authors_team_by_default() {
        let touch = NewTouch::parse(&input(), &planner()).unwrap();
        assert_eq!(touch.contact, ContactId(7));
        assert_eq!(touch.proposed.team, TeamId(2));
        assert_eq!(
            touch.proposed.scheduled_at,
            "2026-11-23T14:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        assert!(touch.proposed.personalized);
    }

    #[test]
    fn names_the_refused_field() {
        let mut bad = input();
        bad.scheduled_at = "tomorrow".into();
        let error = NewTouch::parse(&bad, &planner()).unwrap_err();
        assert_eq!(field(error), "scheduled_at");
        let mut bad = input();
        bad.channel = "fax".into();
        let error = NewTouch::parse(&bad, &planner()).unwrap_err();
        assert_eq!(field(error), "channel");
    }

    #[test]
    fn a_leap_second_is_refused_rather_than_echoed_back() {
        let refused = parse_instant("at", "2026-12-24T23:58:60Z").unwrap_err();
        assert_eq!(refused.field, "at");
        assert!(refused.message.contains("leap second"), "{refused}");
        assert!(parse_instant("at", "2026-12-31T23:59:60Z").is_err());
        assert!(parse_instant("at", "2026-12-24T23:58:59.999Z").is_ok());
    }

    #[test]
    fn a_rep_may_not_plan_as_another_team_but_a_manager_may() {
        let mut other = input();
        other.team_id = Some(9);
        let refused = NewTouch::parse(&other, &planner()).unwrap_err();
        assert!(matches!(refused, Refused::Forbidden(_)), "{refused:?}");
        let manager = Actor {
            role: Role::Manager,
            ..planner()
        };
        let touch = NewTouch::parse(&other, &manager).unwrap();
        assert_eq!(touch.proposed.team, TeamId(9));
    }
}
