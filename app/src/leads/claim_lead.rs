//! Server function: claim a contact, or file a claim request when someone else owns it.

use crate::domain::ids::ContactId;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a claim led to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClaimOutcome {
    /// The caller owns the contact until `expires_at`.
    Claimed {
        /// The contact.
        contact_id: ContactId,
        /// When the claim lapses unless renewed.
        expires_at: DateTime<Utc>,
    },
    /// Someone else owns it: a claim request is with the managers.
    Requested {
        /// The contact.
        contact_id: ContactId,
    },
}

/// Claims `contact_id` for the caller (a rep or a manager).
#[server(name = ClaimLead, prefix = "/api", endpoint = "leads/claim")]
pub async fn claim_lead(contact_id: i64) -> Result<ClaimOutcome, AppError> {
    use crate::domain::ClaimError;
    use crate::store::Failure;

    let (state, user) = crate::auth::require::allowed(crate::domain::Action::Claim).await?;
    let contact = ContactId(contact_id);
    let now = Utc::now();
    let outcome =
        match crate::store::claims::claim(&state.pool, contact, user.id, user.role, now).await {
            Ok(granted) => Ok(ClaimOutcome::Claimed {
                contact_id: contact,
                expires_at: granted.expires_at,
            }),
            Err(Failure::Refused(ClaimError::AlreadyOwned {
                request: Some(_), ..
            })) => Ok(ClaimOutcome::Requested {
                contact_id: contact,
            }),
            Err(other) => Err(other.into()),
        };
    crate::ui::flash::kept::<ClaimLead>(outcome).await
}
