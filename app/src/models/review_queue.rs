//! What the review queue shows: touches awaiting a decision with their conflicts, open claim
//! requests, and the people a contact can be given to. Shared by the server and the browser.

use crate::domain::ids::{CampaignId, ClaimRequestId, ContactId, TouchId, UserId};
use crate::domain::role::Role;
use crate::domain::{Channel, Conflict, Purpose, TimeZone};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A touch with status `pending_review`, with the names a reviewer needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingTouch {
    /// Which touch.
    pub id: TouchId,
    /// Its contact.
    pub contact_id: ContactId,
    /// The contact's name.
    pub contact_name: String,
    /// How it goes out.
    pub channel: Channel,
    /// Why.
    pub purpose: Purpose,
    /// Its title.
    pub title: String,
    /// The sending team's name.
    pub team: String,
    /// The author's name.
    pub author: String,
    /// Its campaign (id and title), if any.
    pub campaign: Option<(CampaignId, String)>,
    /// When it would go out.
    pub scheduled_at: DateTime<Utc>,
    /// Whether it may still be approved when read: its time has not passed (a rejection is
    /// always possible).
    pub approvable: bool,
    /// When it was planned.
    pub created_at: DateTime<Utc>,
    /// Its conflicts: as stored at its last check, and, in the queue, as they stand when it is
    /// read, explained in the reviewer's zone.
    pub conflicts: Vec<Conflict>,
}

/// An open claim request, with names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenRequest {
    /// Which request.
    pub id: ClaimRequestId,
    /// The contact asked for.
    pub contact_id: ContactId,
    /// Its name.
    pub contact_name: String,
    /// Who asked.
    pub requester_id: UserId,
    /// Their name.
    pub requester: String,
    /// The contact's live owner's name, if it still has one.
    pub owner: Option<String>,
    /// When the request was filed.
    pub created_at: DateTime<Utc>,
}

/// Someone a contact can be given to (a role that may hold claims).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignee {
    /// The user.
    pub id: UserId,
    /// Their name.
    pub name: String,
    /// Their role.
    pub role: Role,
    /// Their team's name.
    pub team: String,
}

/// The review queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueue {
    /// The zone the reviewer reads times in.
    pub zone: TimeZone,
    /// Touches awaiting review, grouped by campaign (one-off touches first), soonest first.
    pub pending: Vec<PendingTouch>,
    /// How many touches the filter matches.
    pub pending_total: u64,
    /// The place in the queue of the first one listed (0-based).
    pub pending_from: u32,
    /// Which touches are listed.
    pub filter: PendingFilter,
    /// Every campaign with touches awaiting review, one-off touches first (whatever the
    /// filter).
    pub groups: Vec<PendingGroup>,
    /// Open claim requests, oldest first.
    pub requests: Vec<OpenRequest>,
    /// Who a contact can be reassigned to.
    pub assignees: Vec<Assignee>,
    /// The contact the page was asked to reassign (`?contact_id=`), if it exists.
    pub reassigning: Option<crate::models::contact_option::ContactOption>,
}

/// Which touches awaiting review the queue lists: all, or those of one channel, of one
/// campaign or of none. Read from the page's query (`channel`, `campaign`: an id or `none`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingFilter {
    /// Only this channel.
    pub channel: Option<Channel>,
    /// Only one campaign's touches, or only one-off touches.
    pub campaign: Option<CampaignChoice>,
}

/// A campaign filter's choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CampaignChoice {
    /// Touches of no campaign.
    OneOff,
    /// Touches of this campaign.
    Only(CampaignId),
}

impl PendingFilter {
    /// The filter of the query's `channel` and `campaign` values (empty means any).
    pub fn parse(channel: Option<&str>, campaign: Option<&str>) -> Result<PendingFilter, String> {
        let channel = match channel.filter(|c| !c.is_empty()) {
            Some(text) => Some(Channel::parse(text).map_err(|e| format!("channel: {e}"))?),
            None => None,
        };
        let campaign = match campaign.filter(|c| !c.is_empty()) {
            Some("none") => Some(CampaignChoice::OneOff),
            Some(text) => Some(CampaignChoice::Only(CampaignId(text.parse().map_err(
                |_| format!("campaign: {text:?} is neither a campaign number nor \"none\""),
            )?))),
            None => None,
        };
        Ok(PendingFilter { channel, campaign })
    }

    /// The query that asks for this filter (empty for none), with `&` before each pair.
    pub fn query(&self) -> String {
        let mut out = String::new();
        if let Some(channel) = self.channel {
            out.push_str(&format!("&channel={}", channel.as_str()));
        }
        match self.campaign {
            Some(CampaignChoice::Only(id)) => out.push_str(&format!("&campaign={}", id.0)),
            Some(CampaignChoice::OneOff) => out.push_str("&campaign=none"),
            None => {}
        }
        out
    }

    /// Whether it lists every touch awaiting review.
    pub fn is_empty(&self) -> bool {
        self.channel.is_none() && self.campaign.is_none()
    }
}

/// A campaign with touches awaiting review (or, without one, the one-off touches), and how
/// many.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingGroup {
    /// The campaign (id and title); `None` for one-off touches.
    pub campaign: Option<(CampaignId, String)>,
    /// How many of its touches await review.
    pub count: u64,
}

/// What deciding a campaign's touches together did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkOutcome {
    /// How many were decided.
    pub decided: u64,
    /// The touches that could not be, and why.
    pub refused: Vec<(TouchId, String)>,
}
