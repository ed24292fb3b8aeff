//! Campaigns: creating one expands it into one touch per recipient, all or nothing, in one
//! write transaction (the check and the insert are atomic, as for a single touch).

mod cancel;
mod create;
mod insert;
mod list;
mod plan;
mod reschedule;

pub use cancel::{cancel_campaign, CancelCampaignError};
pub use create::create_campaign;
pub use list::{campaign_recipients, get_campaign, list_campaigns};
pub use reschedule::{reschedule_campaign, MoveCampaignError};

use crate::domain::ids::{CampaignId, TeamId, UserId};
use crate::domain::{CampaignDraft, Channel, OnConflict, Placement, ProposedTouch, Purpose};
use crate::store::preview::AudienceQuery;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// How far ahead a blocked recipient's touch may be shifted.
pub const SHIFT_HORIZON: TimeDelta = TimeDelta::days(14);

/// A campaign to create.
#[derive(Clone, Debug)]
pub struct NewCampaign {
    /// Its name, also each touch's title.
    pub title: String,
    /// The team sending it.
    pub team: TeamId,
    /// Who creates it.
    pub author: UserId,
    /// How its touches reach the recipients.
    pub channel: Channel,
    /// Why they are sent.
    pub purpose: Purpose,
    /// When they go out.
    pub scheduled_at: DateTime<Utc>,
    /// Who gets one.
    pub audience: AudienceQuery,
    /// What to do with the recipients a rule blocks.
    pub on_conflict: OnConflict,
}

impl NewCampaign {
    /// The campaign a parsed draft describes, with what to do about blocked recipients.
    pub fn from_draft(draft: &CampaignDraft, on_conflict: OnConflict) -> NewCampaign {
        NewCampaign {
            title: draft.title.clone(),
            team: draft.touch.team,
            author: draft.touch.author,
            channel: draft.touch.channel,
            purpose: draft.touch.purpose,
            scheduled_at: draft.touch.scheduled_at,
            audience: AudienceQuery::for_draft(draft),
            on_conflict,
        }
    }

    /// The touch each recipient gets (before the audience's conditions are attached): sent by a
    /// bulk tool (`automated`), addressed by name, aimed at the audience's stages, from campaign
    /// `id` (none yet in a preview, which checks exactly this touch).
    pub fn touch(&self, id: Option<CampaignId>) -> ProposedTouch {
        let mut touch = ProposedTouch::new(
            self.channel,
            self.purpose,
            self.team,
            self.author,
            self.scheduled_at,
        );
        touch.campaign = id;
        touch.automated = true;
        touch.campaign_stages = Some(self.audience.stages.clone());
        touch
    }
}

/// A created campaign and what happened to its recipients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignCreated {
    /// The campaign.
    pub id: CampaignId,
    /// How many recipients the audience has.
    pub recipients: u64,
    /// Touches stored as `planned` (shifted ones included).
    pub planned: u64,
    /// Touches stored as `pending_review`.
    pub pending_review: u64,
    /// Of the planned touches, those moved to their next allowed instant.
    pub shifted: u64,
    /// Blocked recipients left out (no touch stored).
    pub excluded: u64,
}

impl CampaignCreated {
    /// Counts one recipient placed by a campaign asked for `asked`.
    fn add(&mut self, placement: Placement, asked: DateTime<Utc>) {
        self.recipients += 1;
        match placement {
            Placement::Planned(at) => {
                self.planned += 1;
                self.shifted += u64::from(at != asked);
            }
            Placement::PendingReview(_) => self.pending_review += 1,
            Placement::Excluded => self.excluded += 1,
        }
    }
}

/// Why a campaign could not be created; nothing was stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CampaignError {
    /// No such team.
    #[error("team_id: no such team")]
    TeamNotFound,
    /// No such author.
    #[error("author_id: no such user")]
    AuthorNotFound,
    /// The title is blank.
    #[error("title: must not be blank")]
    BlankTitle,
}
