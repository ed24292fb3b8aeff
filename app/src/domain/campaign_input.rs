//! A campaign as a planner describes it — audience, channel, purpose, time, title — parsed once
//! for the REST API and the planner page alike. The time is parsed at the edge (an RFC 3339
//! instant from the API, a wall-clock time in the planner's zone from the page).

use super::audience::Audience;
use super::field_error::FieldError;
use super::ids::{ContactId, TeamId, UserId};
use super::planning_time::from_now_on;
use super::touch::ProposedTouch;
use super::vocabulary::{Channel, Purpose, Stage};
use chrono::{DateTime, Utc};

/// The campaign's fields as text.
#[derive(Clone, Copy, Debug)]
pub struct CampaignInput<'a> {
    /// Only these stages (none: every stage).
    pub stages: &'a [String],
    /// Conditions on attributes, e.g. `child_age < 3`.
    pub conditions: Option<&'a str>,
    /// An explicit list of recipients.
    pub contact_ids: Option<&'a [i64]>,
    /// `email`, `sms`, `phone` or `mail`.
    pub channel: &'a str,
    /// Why it is sent.
    pub purpose: &'a str,
    /// When it goes out.
    pub scheduled_at: DateTime<Utc>,
    /// Its name, also each touch's title.
    pub title: &'a str,
    /// The sending team.
    pub team: TeamId,
    /// Who plans it.
    pub author: UserId,
}

/// A parsed campaign, ready to preview or plan.
#[derive(Clone, Debug, PartialEq)]
pub struct CampaignDraft {
    /// Only these stages (empty: every stage).
    pub stages: Vec<Stage>,
    /// Conditions on attributes.
    pub conditions: Audience,
    /// An explicit list of recipients.
    pub contact_ids: Option<Vec<ContactId>>,
    /// The touch each recipient would get.
    pub touch: ProposedTouch,
    /// Its name.
    pub title: String,
}

impl CampaignInput<'_> {
    /// Parses every field, naming the first that fails as the API does (`audience.stages`).
    pub fn parse(&self) -> Result<CampaignDraft, FieldError> {
        let channel = Channel::parse(self.channel).map_err(|e| FieldError::new("channel", e))?;
        let purpose = Purpose::parse(self.purpose).map_err(|e| FieldError::new("purpose", e))?;
        let title = self.title.trim();
        if title.is_empty() {
            return Err(FieldError::new("title", "is required"));
        }
        let stages = self
            .stages
            .iter()
            .map(|s| Stage::parse(s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| FieldError::new("audience.stages", e))?;
        let conditions = match self.conditions.map(str::trim) {
            Some(text) if !text.is_empty() => {
                Audience::parse(text).map_err(|e| FieldError::new("audience.conditions", e))?
            }
            _ => Audience::default(),
        };
        Ok(CampaignDraft {
            stages,
            conditions,
            contact_ids: self
                .contact_ids
                .map(|ids| ids.iter().copied().map(ContactId).collect()),
            touch: ProposedTouch::new(channel, purpose, self.team, self.author, self.scheduled_at),
            title: title.to_owned(),
        })
    }
}

impl CampaignDraft {
    /// Refuses a send time that has passed (a campaign is planned from now on), naming the
    /// field as the caller's form or body calls it.
    pub fn still_ahead(&self, field: &str, now: DateTime<Utc>) -> Result<(), FieldError> {
        from_now_on(self.touch.scheduled_at, now).map_err(|e| FieldError::new(field, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(stages: &'a [String], conditions: Option<&'a str>) -> CampaignInput<'a> {
        CampaignInput {
            stages,
            conditions,
            contact_ids: None,
            channel: "email",
            purpose: "promotional",
            scheduled_at: "2026-11-27T14:00:00Z".parse().unwrap(),
            title: " Black Friday ",
            team: TeamId(1),
            author: UserId(2),
        }
    }

    #[test]
    fn parses_the_audience_and_the_touch() {
        let stages = vec!["lead".to_owned(), "customer".to_owned()];
        let draft = input(&stages, Some("child_age < 3")).parse().unwrap();
        assert_eq!(draft.stages, vec![Stage::Lead, Stage::Customer]);
        assert_eq!(draft.title, "Black Friday");
        assert_eq!(draft.touch.channel, Channel::Email);
        assert_ne!(draft.conditions, Audience::default());
    }

    #[test]
    fn names_the_field_that_fails() {
        let stages = vec!["vip".to_owned()];
        assert_eq!(
            input(&stages, None).parse().unwrap_err().field,
            "audience.stages"
        );
        assert_eq!(
            input(&[], Some("age <")).parse().unwrap_err().field,
            "audience.conditions"
        );
        let mut blank = input(&[], None);
        blank.title = "  ";
        assert_eq!(blank.parse().unwrap_err().field, "title");
    }
}
