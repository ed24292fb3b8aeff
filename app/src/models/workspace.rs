//! What the start page shows a signed-in person: their own touches waiting for review, what
//! was decided about theirs lately, what they planned for today, their
//! contacts that need them, and, for those who oversee, what waits for them.

use crate::domain::ids::{ContactId, TouchId};
use crate::domain::{Channel, TimeZone, TouchStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One of the viewer's touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTouch {
    pub id: TouchId,
    pub contact_id: ContactId,
    pub contact_name: String,
    pub channel: Channel,
    pub title: String,
    pub scheduled_at: DateTime<Utc>,
    pub status: TouchStatus,
}

/// A manager's decision on one of the viewer's touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    pub touch: MyTouch,
    /// Approved (else rejected).
    pub approved: bool,
    /// Who decided.
    pub reviewer: String,
    /// Why, in their words.
    pub reason: String,
    pub decided_at: DateTime<Utc>,
}

/// What waits for a manager or an admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Oversight {
    /// Touches waiting for review.
    pub pending: u64,
    /// Open claim requests.
    pub requests: u64,
}

/// The start page's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    /// The viewer's zone: every time on the page is in it.
    pub zone: TimeZone,
    /// Their touches waiting for a manager's review, soonest first (the first few).
    pub waiting: Vec<MyTouch>,
    /// How many of theirs wait in all.
    pub waiting_total: u64,
    /// Decisions on their touches in the last two weeks, newest first.
    pub decided: Vec<Decided>,
    /// Their touches planned for today (their local day), in time order.
    pub today: Vec<MyTouch>,
    /// For managers and admins: the review queue and the claim requests.
    pub oversight: Option<Oversight>,
    /// For those who claim contacts: theirs that need them.
    pub attention: Option<Attention>,
    /// For admins: how much of Concord is set up.
    pub setup: Option<crate::models::setup::Setup>,
}

/// The viewer's own contacts that need them, as the leads board finds them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attention {
    /// Theirs with an unanswered reply or a cadence gap (the first few).
    pub alerting: Vec<crate::models::leads::LeadRow>,
    /// How many of theirs have one, among those the leads board looks at.
    pub alerting_total: u64,
    /// Their claims that lapse within `lapsing_within_days`, soonest first (the first few).
    pub lapsing: Vec<crate::models::leads::LeadRow>,
    /// How many of their claims lapse that soon.
    pub lapsing_total: u64,
    /// How soon a claim's lapse counts as soon, in days.
    pub lapsing_within_days: i64,
    /// When it was read, for "in 2 days".
    pub now: DateTime<Utc>,
}
