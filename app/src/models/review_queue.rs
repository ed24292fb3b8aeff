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
    /// How many touches await review in all.
    pub pending_total: u64,
    /// The place in the queue of the first one listed (0-based).
    pub pending_from: u32,
    /// Open claim requests, oldest first.
    pub requests: Vec<OpenRequest>,
    /// Who a contact can be reassigned to.
    pub assignees: Vec<Assignee>,
}
