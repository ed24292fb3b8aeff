//! Events from external senders: delivery of touches (`sent`, `delivered`, `failed`) and what
//! contacts did (interactions). Each is idempotent by its external id: the sender's, or one
//! derived from the event itself, so the same event ingested twice counts once.

mod delivery;
mod interaction;

pub use delivery::ingest_delivery;
pub use interaction::{ingest_interaction, interaction_key};

use crate::domain::ids::{ContactId, TouchId};
use crate::domain::{Channel, DeliveryKind, InteractionKind};
use crate::store::Failure;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

/// One event, parsed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// A touch was sent, delivered or failed.
    Delivery {
        /// Which touch.
        touch: TouchId,
        /// What happened.
        kind: DeliveryKind,
        /// When.
        at: DateTime<Utc>,
        /// The sender's idempotency key.
        external_id: Option<String>,
    },
    /// A contact did something.
    Interaction {
        /// Who.
        contact: ContactId,
        /// What.
        kind: InteractionKind,
        /// On which channel.
        channel: Channel,
        /// When.
        at: DateTime<Utc>,
        /// The sender's idempotency key.
        external_id: Option<String>,
    },
}

/// What became of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ingested {
    /// Stored for the first time.
    Recorded,
    /// Already ingested: nothing changed.
    Duplicate,
}

/// Why an event was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EventError {
    /// No such touch.
    #[error("touch_id: no such touch")]
    TouchNotFound,
    /// No such contact.
    #[error("contact_id: no such contact")]
    ContactNotFound,
}

/// Ingests one event in its own write transaction.
pub async fn ingest(
    pool: &SqlitePool,
    event: &Event,
    now: DateTime<Utc>,
) -> Result<Ingested, Failure<EventError>> {
    match event {
        Event::Delivery {
            touch,
            kind,
            at,
            external_id,
        } => ingest_delivery(pool, *touch, *kind, *at, external_id.as_deref(), now).await,
        Event::Interaction {
            contact,
            kind,
            channel,
            at,
            external_id,
        } => {
            let key = external_id.as_deref();
            ingest_interaction(pool, *contact, *kind, *channel, *at, key, now).await
        }
    }
}
