//! A leads-board row as selected from the database: the contact, its live owner, its latest
//! inbound interaction and whether the viewer has asked for it.

use crate::domain::ids::{ContactId, UserId};
use crate::domain::{Channel, InteractionKind, Stage};
use crate::models::leads::{LastInbound, LeadRow, RowOwner};
use crate::store::rows::{instant, parsed};
use crate::store::StoreError;

/// The columns of [`LeadRowDb`]; binds the viewer's id, then `now` (a claim expiring at or
/// before it is no owner). Append `WHERE …`.
pub const LEAD_SELECT: &str = "SELECT c.id, c.name, c.stage, cl.user_id AS owner_id, \
     u.name AS owner_name, cl.expires_at, li.kind AS last_kind, li.channel AS last_channel, \
     li.at AS last_at, \
     EXISTS (SELECT 1 FROM claim_requests r WHERE r.contact_id = c.id \
             AND r.requester_id = ? AND r.status = 'open') AS requested \
     FROM contacts c \
     LEFT JOIN claims cl ON cl.contact_id = c.id AND cl.ended_at IS NULL AND cl.expires_at > ? \
     LEFT JOIN users u ON u.id = cl.user_id \
     LEFT JOIN interactions li ON li.id = (SELECT i.id FROM interactions i \
             WHERE i.contact_id = c.id ORDER BY i.at DESC, i.id DESC LIMIT 1) ";

/// One row of [`LEAD_SELECT`].
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct LeadRowDb {
    /// `contacts.id`
    pub id: i64,
    /// `contacts.name`
    pub name: String,
    /// `contacts.stage`
    pub stage: String,
    /// The live claim's owner.
    pub owner_id: Option<i64>,
    /// The owner's name.
    pub owner_name: Option<String>,
    /// The live claim's expiry.
    pub expires_at: Option<i64>,
    /// The latest interaction's kind.
    pub last_kind: Option<String>,
    /// The latest interaction's channel.
    pub last_channel: Option<String>,
    /// The latest interaction's instant.
    pub last_at: Option<i64>,
    /// Whether the viewer has an open claim request for the contact.
    pub requested: bool,
}

impl LeadRowDb {
    /// The wire row (without alerts).
    pub fn record(self) -> Result<LeadRow, StoreError> {
        let owner = match (self.owner_id, self.expires_at) {
            (Some(id), Some(expires)) => Some(RowOwner {
                user_id: UserId(id),
                name: self.owner_name.unwrap_or_default(),
                expires_at: instant(expires)?,
            }),
            _ => None,
        };
        let last_inbound = match (self.last_kind, self.last_channel, self.last_at) {
            (Some(kind), Some(channel), Some(at)) => Some(LastInbound {
                kind: parsed(InteractionKind::parse(&kind))?,
                channel: parsed(Channel::parse(&channel))?,
                at: instant(at)?,
            }),
            _ => None,
        };
        Ok(LeadRow {
            contact_id: ContactId(self.id),
            name: self.name,
            stage: parsed(Stage::parse(&self.stage))?,
            last_inbound,
            owner,
            requested: self.requested,
            alerts: Vec::new(),
        })
    }
}
