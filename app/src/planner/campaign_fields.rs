//! The campaign form's fields as text, shared by the preview (read from the page's address)
//! and the plan (posted), and parsed into a [`CampaignDraft`] for the signed-in planner.

use crate::domain::ids::TeamId;
use crate::domain::{Actor, CampaignDraft, CampaignInput, FieldError, Refused, TimeZone};
use serde::{Deserialize, Serialize};

/// What the planner typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignFields {
    /// Its name.
    pub title: String,
    /// `email`, `sms`, `phone` or `mail`.
    pub channel: String,
    /// Why it is sent.
    pub purpose: String,
    /// When, on the planner's wall clock (`2026-11-27T09:00`).
    pub at: String,
    /// The sending team (its id as text; empty: the planner's).
    pub team_id: String,
    /// Stages, comma-separated (empty: every stage).
    pub stages: String,
    /// Conditions on attributes, e.g. `child_age < 3`.
    pub conditions: String,
}

impl CampaignFields {
    /// Whether the form has been filled in at all (an empty planner shows no preview).
    pub fn is_blank(&self) -> bool {
        self.title.is_empty() && self.at.is_empty()
    }

    /// The planner's address for these fields (what its form sends), plus `extra` pairs: a
    /// link to the same preview, e.g. another page of one rule's samples.
    pub fn href(&self, extra: &[(&str, String)]) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("title", &self.title),
            ("channel", &self.channel),
            ("purpose", &self.purpose),
            ("at", &self.at),
            ("team_id", &self.team_id),
        ] {
            query.append_pair(key, value);
        }
        for stage in self.stages.split(',').filter(|s| !s.trim().is_empty()) {
            query.append_pair("stage", stage.trim());
        }
        query.append_pair("conditions", &self.conditions);
        for (key, value) in extra {
            query.append_pair(key, value);
        }
        format!("/plan?{}", query.finish())
    }

    /// Parses the fields for `author`, reading the time in `zone`; another team than the
    /// author's own only for the roles that may plan in another team's name.
    pub fn parse(&self, zone: TimeZone, author: &Actor) -> Result<CampaignDraft, Refused> {
        let at = zone.parse_local(&self.at).ok_or_else(|| {
            FieldError::new("at", "expected a date and time such as 2026-11-27T09:00")
        })?;
        let asked = match self.team_id.trim() {
            "" => None,
            text => {
                Some(TeamId(text.parse().map_err(|_| {
                    FieldError::new("team_id", "expected a team")
                })?))
            }
        };
        let team = author.team_for(asked)?;
        let stages: Vec<String> = self
            .stages
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        CampaignInput {
            stages: &stages,
            conditions: Some(&self.conditions),
            contact_ids: None,
            channel: &self.channel,
            purpose: &self.purpose,
            scheduled_at: at,
            title: &self.title,
            team,
            author: author.id,
        }
        .parse()
        .map_err(Refused::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::UserId;
    use crate::domain::Stage;

    #[test]
    fn links_back_to_the_same_preview_with_each_stage_and_the_page() {
        let fields = CampaignFields {
            title: "Winter & spring".into(),
            channel: "email".into(),
            purpose: "newsletter".into(),
            at: "2030-05-03T10:00".into(),
            team_id: String::new(),
            stages: "lead,customer".into(),
            conditions: "child_age < 3".into(),
        };
        assert_eq!(
            fields.href(&[("rule", "daily_cap".into()), ("from", "5".into())]),
            "/plan?title=Winter+%26+spring&channel=email&purpose=newsletter&at=2030-05-03T10%3A00\
             &team_id=&stage=lead&stage=customer&conditions=child_age+%3C+3&rule=daily_cap&from=5"
        );
    }

    #[test]
    fn reads_stages_and_the_local_time() {
        let fields = CampaignFields {
            title: "Winter sale".into(),
            channel: "email".into(),
            purpose: "promotional".into(),
            at: "2026-11-27T09:00".into(),
            stages: "lead, customer".into(),
            ..CampaignFields::default()
        };
        let zone = TimeZone::parse("America/New_York").unwrap();
        let author = crate::domain::Actor {
            id: UserId(1),
            role: crate::domain::role::Role::Marketer,
            team: TeamId(3),
        };
        let draft = fields.parse(zone, &author).unwrap();
        assert_eq!(draft.stages, vec![Stage::Lead, Stage::Customer]);
        assert_eq!(draft.touch.team, TeamId(3));
        assert_eq!(
            draft.touch.scheduled_at.to_rfc3339(),
            "2026-11-27T14:00:00+00:00"
        );
        let bad = CampaignFields {
            at: "soon".into(),
            ..fields
        };
        assert!(matches!(
            bad.parse(zone, &author),
            Err(Refused::Field(ref e)) if e.field == "at"
        ));
        let elsewhere = CampaignFields {
            team_id: "9".into(),
            at: "2026-11-27T09:00".into(),
            ..bad.clone()
        };
        assert!(
            matches!(elsewhere.parse(zone, &author), Err(Refused::Forbidden(_))),
            "a marketer may not plan a campaign in another team's name"
        );
    }
}
