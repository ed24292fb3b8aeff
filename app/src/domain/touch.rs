//! Touches as the engine sees them: a ledger row (already stored) and a proposed touch (being
//! asked about), kept apart as STYLE asks (`NewTouch` apart from `Touch`).

use super::audience::Audience;
use super::consent::Topic;
use super::ids::{CampaignId, TeamId, TouchId, UserId};
use super::vocabulary::{Channel, Purpose, Stage, TouchStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A touch in a contact's ledger. Small and copyable: team and author are ids, and names come
/// from [`super::names::Names`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Touch {
    /// Which touch.
    pub id: TouchId,
    /// How it reaches the contact.
    pub channel: Channel,
    /// Why it is sent.
    pub purpose: Purpose,
    /// The team sending it.
    pub team: TeamId,
    /// Who planned it.
    pub author: UserId,
    /// The campaign it came from, if any.
    pub campaign: Option<CampaignId>,
    /// When it goes out (for mail: the drop date; the in-home window is what counts).
    pub scheduled_at: DateTime<Utc>,
    /// Where it is in its life; only planned, approved and sent touches count.
    pub status: TouchStatus,
    /// Sent by a robo-dialer or bulk tool.
    pub automated: bool,
    /// Addressed to the contact by name.
    pub personalized: bool,
}

impl Touch {
    /// Whether this touch counts in the ledger (planned, approved or sent).
    pub fn counts(&self) -> bool {
        self.status.counts()
    }
}

/// A touch being planned or checked, not yet in the ledger (or being moved, when `id` is set:
/// the ledger's copy of that touch is then ignored).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposedTouch {
    /// Set when re-checking an existing touch (e.g. a reschedule), so it does not clash with
    /// its own ledger entry.
    pub id: Option<TouchId>,
    /// How it would reach the contact.
    pub channel: Channel,
    /// Why it would be sent.
    pub purpose: Purpose,
    /// The team that would send it.
    pub team: TeamId,
    /// Who is planning it.
    pub author: UserId,
    /// The campaign it would come from, if any.
    pub campaign: Option<CampaignId>,
    /// When it would go out.
    pub scheduled_at: DateTime<Utc>,
    /// Sent by a robo-dialer or bulk tool.
    pub automated: bool,
    /// Addressed to the contact by name.
    pub personalized: bool,
    /// Who the touch (or its campaign) is meant for; checked by the `audience` rule.
    pub audience: Option<Audience>,
    /// The consent topic it is about; checked by the `consent` rule.
    pub topic: Option<Topic>,
    /// For a campaign's touch, planned or previewed: the stages its audience selects (empty:
    /// every stage). `customer_promo` reads a campaign whose stages include `customer` as aimed
    /// at customers.
    #[serde(default)]
    pub campaign_stages: Option<Vec<Stage>>,
}

impl ProposedTouch {
    /// A personalized, manual, one-off touch with no audience conditions.
    pub fn new(
        channel: Channel,
        purpose: Purpose,
        team: TeamId,
        author: UserId,
        scheduled_at: DateTime<Utc>,
    ) -> ProposedTouch {
        ProposedTouch {
            id: None,
            channel,
            purpose,
            team,
            author,
            campaign: None,
            scheduled_at,
            automated: false,
            personalized: true,
            audience: None,
            topic: None,
            campaign_stages: None,
        }
    }

    /// Whether it is a campaign's touch (planned, or previewed before the campaign exists).
    pub fn from_campaign(&self) -> bool {
        self.campaign.is_some() || self.campaign_stages.is_some()
    }

    /// Whether its campaign is explicitly aimed at contacts in `stage`: the campaign selects
    /// that stage, or its conditions admit it by a stage condition.
    pub fn aims_at(&self, stage: Stage) -> bool {
        self.campaign_stages
            .as_ref()
            .is_some_and(|stages| stages.contains(&stage))
            || self.audience.as_ref().is_some_and(|a| a.aims_at(stage))
    }

    /// The same touch as a planned ledger row with this id (e.g. once it has been saved).
    pub fn planned_as(&self, id: TouchId) -> Touch {
        Touch {
            id,
            channel: self.channel,
            purpose: self.purpose,
            team: self.team,
            author: self.author,
            campaign: self.campaign,
            scheduled_at: self.scheduled_at,
            status: TouchStatus::Planned,
            automated: self.automated,
            personalized: self.personalized,
        }
    }
}
