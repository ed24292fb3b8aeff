//! Interactions: what a contact did (replied, downloaded, called in...), which drives the
//! first-touch cool-down and the unanswered-reply alert.

use super::ids::InteractionId;
use super::vocabulary::{Channel, InteractionKind};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One thing the contact did, at an instant, on a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interaction {
    /// Which interaction.
    pub id: InteractionId,
    /// What the contact did.
    pub kind: InteractionKind,
    /// On which channel.
    pub channel: Channel,
    /// When.
    pub at: DateTime<Utc>,
}
