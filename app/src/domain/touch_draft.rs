//! A touch as the plan form holds it: text fields, and a wall-clock time in the planner's own
//! zone rather than an RFC 3339 instant. Turned into the API's [`TouchInput`] so a planned touch
//! is parsed by the same code whichever way it arrives.

use super::field_error::FieldError;
use super::new_touch::TouchInput;
use super::timezone::TimeZone;
use serde::{Deserialize, Serialize};

/// The plan form's fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TouchDraft {
    /// The contact to reach.
    pub contact_id: i64,
    /// `email`, `sms`, `phone` or `mail`.
    pub channel: String,
    /// Why, e.g. `sales_followup`.
    pub purpose: String,
    /// When, on the planner's wall clock: `2026-11-24T09:00`.
    pub at: String,
    /// A short title.
    pub title: String,
    /// Free notes.
    pub notes: String,
    /// The sending team.
    pub team_id: Option<i64>,
    /// Sent by a robo-dialer or bulk tool.
    pub automated: bool,
    /// Addressed by name.
    pub personalized: bool,
    /// The consent topic (empty: none).
    #[serde(default)]
    pub topic: String,
}

impl TouchDraft {
    /// The draft as the API's input, its time read in `zone`.
    pub fn to_input(&self, zone: TimeZone) -> Result<TouchInput, FieldError> {
        let at = zone.parse_local(&self.at).ok_or_else(|| {
            FieldError::new("at", "expected a date and time such as 2026-11-24T09:00")
        })?;
        Ok(TouchInput {
            contact_id: self.contact_id,
            channel: self.channel.clone(),
            purpose: self.purpose.clone(),
            scheduled_at: at.to_rfc3339(),
            title: self.title.clone(),
            notes: Some(self.notes.clone()),
            team_id: self.team_id,
            campaign_id: None,
            automated: self.automated,
            personalized: Some(self.personalized),
            audience: None,
            topic: Some(self.topic.clone()),
        })
    }

    /// As [`TouchDraft::to_input`] for a check: the engine never reads the title, so a draft
    /// whose title is still blank can be checked.
    pub fn to_check_input(&self, zone: TimeZone) -> Result<TouchInput, FieldError> {
        let mut input = self.to_input(zone)?;
        if input.title.trim().is_empty() {
            input.title = "untitled".into();
        }
        Ok(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::NewTouch;

    fn draft() -> TouchDraft {
        TouchDraft {
            contact_id: 3,
            channel: "sms".into(),
            purpose: "sales_followup".into(),
            at: "2026-11-24T09:30".into(),
            title: String::new(),
            personalized: true,
            ..TouchDraft::default()
        }
    }

    #[test]
    fn reads_the_time_on_the_planners_wall_clock() {
        let zone = TimeZone::parse("Europe/Berlin").unwrap();
        let input = draft().to_check_input(zone).unwrap();
        let touch = NewTouch::parse(&input, &crate::domain::new_touch::tests::planner()).unwrap();
        assert_eq!(
            touch.proposed.scheduled_at.to_rfc3339(),
            "2026-11-24T08:30:00+00:00"
        );
    }

    #[test]
    fn a_blank_title_may_be_checked_but_not_planned() {
        let input = draft().to_input(TimeZone::UTC).unwrap();
        let error = NewTouch::parse(&input, &crate::domain::new_touch::tests::planner());
        assert!(
            matches!(error, Err(crate::domain::Refused::Field(ref e)) if e.field == "title"),
            "{error:?}"
        );
        let mut bad = draft();
        bad.at = "tomorrow".into();
        assert_eq!(bad.to_check_input(TimeZone::UTC).unwrap_err().field, "at");
    }
}
