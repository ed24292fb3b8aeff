//! A manager's grant of a claim request: the contact is reassigned to the requester.

use super::reassign::reassign;
use super::Granted;
use crate::domain::claims::ClaimError;
use crate::domain::ids::{ClaimRequestId, ContactId, UserId};
use crate::domain::role::Role;
use crate::store::db;
use crate::store::{refuse, Failure};
use chrono::{DateTime, Utc};
use db::Db;

/// Reassigns the request's contact to its requester with `reason`; the reassignment marks the
/// request granted and writes the audit row.
pub async fn grant(
    pool: &Db,
    request: ClaimRequestId,
    actor: UserId,
    role: Role,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Granted, Failure<ClaimError>> {
    let found: Option<(i64, i64)> = db::query_as(
        "SELECT contact_id, requester_id FROM claim_requests WHERE id = ? AND status = 'open'",
    )
    .bind(request.0)
    .fetch_optional(pool)
    .await?;
    let Some((contact, requester)) = found else {
        return refuse(ClaimError::RequestNotFound);
    };
    reassign(
        pool,
        ContactId(contact),
        UserId(requester),
        actor,
        role,
        reason,
        now,
    )
    .await
}
