//! Events from external senders: delivery of touches (`sent`, `delivered`, `failed`) and what
//! contacts did (interactions). Each is idempotent by its source (the sender's token), its
//! kind and the sender's external id — or, without one, by a key derived from the event
//! itself — so the same event ingested twice counts once, and an unsubscribe is never taken
//! for a reply that happens to carry the same message id.

mod delivery;
mod interaction;

pub use delivery::{ingest_delivery, record_delivery, remember_message};
pub(crate) use interaction::consent_column;
pub use interaction::{ingest_interaction, interaction_key, record_interaction};

use crate::domain::ids::{ContactId, TouchId};
use crate::domain::{Channel, DeliveryKind, InteractionKind};
use crate::store::db;
use crate::store::Failure;
use chrono::{DateTime, Utc};
use db::Db;
use serde::{Deserialize, Serialize};

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
        /// The provider's id of the message (or call), remembered with the event so that
        /// the provider's webhooks find the touch by it.
        message_id: Option<String>,
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
    /// The touch was not going out, so it cannot have been sent, delivered or failed.
    #[error("touch_id: the touch is {0}, not going out; it cannot be reported")]
    NotGoingOut(crate::domain::TouchStatus),
}

/// The key an event is stored under: its source, kind and the sender's external id; `None`
/// when the sender gave no id (the store then derives one from the event itself).
pub fn idempotency_key(
    source: &str,
    kind: impl std::fmt::Display,
    external_id: Option<&str>,
) -> Option<String> {
    external_id.map(|id| format!("{source}|{kind}|{id}"))
}

/// Ingests one event from `source` (e.g. `token:7`) in its own write transaction.
pub async fn ingest(
    pool: &Db,
    source: &str,
    event: &Event,
    now: DateTime<Utc>,
) -> Result<Ingested, Failure<EventError>> {
    match event {
        Event::Delivery {
            touch,
            kind,
            at,
            external_id,
            message_id,
        } => {
            let key = idempotency_key(source, kind, external_id.as_deref());
            ingest_delivery(
                pool,
                *touch,
                *kind,
                *at,
                key.as_deref(),
                message_id.as_deref(),
                now,
            )
            .await
        }
        Event::Interaction {
            contact,
            kind,
            channel,
            at,
            external_id,
        } => {
            let key = idempotency_key(source, kind, external_id.as_deref());
            ingest_interaction(pool, *contact, *kind, *channel, *at, key.as_deref(), now).await
        }
    }
}
