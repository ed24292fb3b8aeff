//! An interaction row → the engine's [`Interaction`] and the wire [`InteractionRecord`].

use super::{instant, parsed};
use crate::domain::ids::{ContactId, InteractionId};
use crate::domain::{Channel, Interaction, InteractionKind};
use crate::records::InteractionRecord;
use crate::store::StoreError;

/// The columns of [`InteractionRow`] from `interactions i`; append `WHERE …`.
pub const INTERACTION_SELECT: &str =
    "SELECT i.id, i.contact_id, i.kind, i.channel, i.at FROM interactions i ";

/// One row of `interactions`.
#[derive(Clone, Debug, sqlx::FromRow, serde::Deserialize)]
pub struct InteractionRow {
    /// `interactions.id`
    pub id: i64,
    /// `interactions.contact_id`
    pub contact_id: i64,
    /// `interactions.kind`
    pub kind: String,
    /// `interactions.channel`
    pub channel: String,
    /// `interactions.at`
    pub at: i64,
}

impl InteractionRow {
    /// The engine's view.
    pub fn interaction(&self) -> Result<Interaction, StoreError> {
        Ok(Interaction {
            id: InteractionId(self.id),
            kind: parsed(InteractionKind::parse(&self.kind))?,
            channel: parsed(Channel::parse(&self.channel))?,
            at: instant(self.at)?,
        })
    }

    /// The wire record.
    pub fn record(&self) -> Result<InteractionRecord, StoreError> {
        let i = self.interaction()?;
        Ok(InteractionRecord {
            id: i.id,
            contact_id: ContactId(self.contact_id),
            kind: i.kind,
            channel: i.channel,
            at: i.at,
        })
    }
}
