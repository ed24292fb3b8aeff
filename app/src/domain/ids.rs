//! Newtype ids, shared by the server and the browser, so that a contact id can never be passed
//! where a touch id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {
        $(
            #[$doc]
            #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
            #[serde(transparent)]
            #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
            pub struct $name(pub i64);

            impl fmt::Display for $name {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    self.0.fmt(f)
                }
            }
        )*
    };
}

id_type!(
    /// Identifies a user (a person who signs in to Concord).
    UserId,
    /// Identifies a team, e.g. "Inside sales".
    TeamId,
    /// Identifies a contact (a person Concord's users reach out to).
    ContactId,
    /// Identifies a touch: one planned or logged outbound contact.
    TouchId,
    /// Identifies an interaction: something a contact did.
    InteractionId,
    /// Identifies a campaign: a named bulk send.
    CampaignId,
    /// Identifies a claim request: a rep asking for a contact someone else owns.
    ClaimRequestId,
);
