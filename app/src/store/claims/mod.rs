//! Ownership claims: claim (or file a claim request when owned), release, reassign, decline a
//! request, renewal by the owner's outbound work, and ending lapsed claims. The decisions are the domain's
//! ([`crate::domain::claims`]); this module reads and writes.

mod claim;
mod decline;
mod grant;
mod lapse;
mod open;
mod reassign;
mod release;
mod request_list;
mod requests;

pub use claim::claim;
pub use decline::decline;
pub use grant::grant;
pub use lapse::lapse_expired;
pub use open::{open_claim, owner_of, renew, renew_open};
pub use reassign::reassign;
pub use release::release;
pub use request_list::open_requests_named;
pub use requests::{has_open_request, open_requests, ClaimRequest};

use crate::domain::ids::UserId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A claim in force after a claim or a reassignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Granted {
    /// The owner.
    pub owner_id: UserId,
    /// When the claim lapses unless renewed.
    pub expires_at: DateTime<Utc>,
}
