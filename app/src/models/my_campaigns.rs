//! A planner's own campaigns still to go out, as the start page shows them: each with its
//! counts and what it runs into, from the conflicts the engine stored on its touches and on the
//! touches planned since that name one of them.

use crate::domain::{RuleId, Severity};
use crate::models::campaigns::CampaignSummary;
use serde::{Deserialize, Serialize};

/// One rule a campaign's touches run into, and on how many of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleCount {
    pub rule: RuleId,
    pub severity: Severity,
    /// How many of the campaign's touches still to go out carry it.
    pub touches: u64,
}

/// One of the viewer's campaigns and what conflicts with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCampaign {
    pub campaign: CampaignSummary,
    /// The rules its touches still to go out run into, most touches first.
    pub runs_into: Vec<RuleCount>,
    /// Touches planned since by others, still to go out, whose conflicts name one of its touches.
    pub run_into_by: u64,
}

/// The viewer's campaigns still to go out, soonest first (the first few), and how many there are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCampaigns {
    pub campaigns: Vec<MyCampaign>,
    pub total: u64,
}

impl MyCampaign {
    /// "Runs into Daily cap on 12 touches (warns) and Several teams on 1 (sent to review)."
    pub fn conflicts_text(&self) -> String {
        let mut parts: Vec<String> = self
            .runs_into
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let touches = match (i, c.touches) {
                    (0, 1) => "1 touch".to_owned(),
                    (0, n) => format!("{n} touches"),
                    (_, n) => n.to_string(),
                };
                let effect = match c.severity {
                    Severity::Block => "sent to review",
                    Severity::Warn => "warns",
                };
                format!("{} on {touches} ({effect})", c.rule.title())
            })
            .collect();
        let mut text = match parts.len() {
            0 if self.run_into_by == 0 => "No conflicts".to_owned(),
            0 => "No conflicts of its own".to_owned(),
            1 => format!("Runs into {}", parts.remove(0)),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("Runs into {} and {last}", parts.join(", "))
            }
        };
        match self.run_into_by {
            0 => text.push('.'),
            1 => text.push_str("; 1 touch planned since by others runs into it."),
            n => text.push_str(&format!(
                "; {n} touches planned since by others run into it."
            )),
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{CampaignId, UserId};
    use crate::domain::{Channel, Purpose};
    use chrono::Utc;

    fn mine(runs_into: Vec<RuleCount>, run_into_by: u64) -> MyCampaign {
        MyCampaign {
            campaign: CampaignSummary {
                id: CampaignId(1),
                title: "Spring catalog".into(),
                team: "Marketing".into(),
                author_id: UserId(1),
                author: "Mia".into(),
                channel: Channel::Email,
                purpose: Purpose::Promotional,
                scheduled_at: Utc::now(),
                created_at: Utc::now(),
                status: "planned".into(),
                counts: Vec::new(),
            },
            runs_into,
            run_into_by,
        }
    }

    fn count(rule: RuleId, severity: Severity, touches: u64) -> RuleCount {
        RuleCount {
            rule,
            severity,
            touches,
        }
    }

    #[test]
    fn a_campaign_without_conflicts_says_so() {
        assert_eq!(mine(vec![], 0).conflicts_text(), "No conflicts.");
    }

    #[test]
    fn rules_are_named_with_their_touches_and_effect() {
        let c = mine(
            vec![
                count(RuleId::DailyCap, Severity::Warn, 12),
                count(RuleId::CrossTeam, Severity::Warn, 3),
                count(RuleId::QuietHours, Severity::Block, 1),
            ],
            0,
        );
        assert_eq!(
            c.conflicts_text(),
            "Runs into Daily cap on 12 touches (warns), Several teams on 3 (warns) and \
             Quiet hours on 1 (sent to review)."
        );
        let one = mine(vec![count(RuleId::MinGap, Severity::Warn, 1)], 1);
        assert_eq!(
            one.conflicts_text(),
            "Runs into Minimum gap on 1 touch (warns); 1 touch planned since by others runs into it."
        );
        assert_eq!(
            mine(vec![], 4).conflicts_text(),
            "No conflicts of its own; 4 touches planned since by others run into it."
        );
    }
}
