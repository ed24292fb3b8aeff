//! A campaign as its list and its page show it, and one of its recipients.

use crate::domain::ids::{CampaignId, ContactId, TouchId, UserId};
use crate::domain::{Channel, Purpose, TouchStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A campaign as its list and its page show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignSummary {
    pub id: CampaignId,
    pub title: String,
    /// The sending team's name.
    pub team: String,
    /// Who planned it.
    pub author_id: UserId,
    pub author: String,
    pub channel: Channel,
    pub purpose: Purpose,
    /// When its touches go out (a shifted recipient's later).
    pub scheduled_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    /// `planned`, or `cancelled` once cancelled as a whole.
    pub status: String,
    /// How many of its touches are in each status, in the statuses' order.
    pub counts: Vec<(TouchStatus, u64)>,
}

impl CampaignSummary {
    /// Every touch it made.
    pub fn recipients(&self) -> u64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    /// How many of its touches have not gone out (what cancelling it cancels).
    pub fn not_gone_out(&self) -> u64 {
        self.counts
            .iter()
            .filter(|(status, _)| status.not_gone_out())
            .map(|(_, n)| n)
            .sum()
    }

    /// How many of its touches are in `status`.
    pub fn count(&self, status: TouchStatus) -> u64 {
        self.counts
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    }
}

/// One recipient's touch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRecipient {
    pub touch: TouchId,
    pub contact: ContactId,
    pub name: String,
    pub status: TouchStatus,
    pub scheduled_at: DateTime<Utc>,
    /// How many conflicts its last check found.
    pub conflicts: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_has_not_gone_out_includes_drafts_and_not_sent_or_cancelled_touches() {
        let mut c = CampaignSummary {
            id: CampaignId(1),
            title: "Spring".into(),
            team: "Marketing".into(),
            author_id: UserId(1),
            author: "mia".into(),
            channel: Channel::Email,
            purpose: Purpose::Promotional,
            scheduled_at: DateTime::UNIX_EPOCH,
            created_at: DateTime::UNIX_EPOCH,
            status: "planned".into(),
            counts: Vec::new(),
        };
        c.counts = TouchStatus::ALL.iter().map(|s| (*s, 1)).collect();
        assert_eq!(c.recipients(), TouchStatus::ALL.len() as u64);
        assert_eq!(
            c.not_gone_out(),
            4,
            "draft, planned, pending review, approved"
        );
    }
}
