//! A manager's decline of a claim request, with a reason: the owner keeps the contact.

use crate::domain::claims::{decide_decline, ClaimError};
use crate::domain::ids::{ClaimRequestId, ContactId, UserId};
use crate::domain::role::Role;
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::rows::secs;
use crate::store::tx::begin_for_contacts;
use crate::store::{refuse, Failure};
use chrono::{DateTime, Utc};
use db::Db;

/// Marks the open request `denied` by `actor`, with its audit row (`claim.request_declined`).
#[tracing::instrument(skip_all, fields(request.id = %request, user.id = %actor))]
pub async fn decline(
    pool: &Db,
    request: ClaimRequestId,
    actor: UserId,
    role: Role,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), Failure<ClaimError>> {
    decide_decline(role, reason).map_err(Failure::Refused)?;
    let mut tx = begin_for_contacts(pool, &[]).await?;
    let found: Option<(i64, i64)> = db::query_as(
        "SELECT contact_id, requester_id FROM claim_requests WHERE id = ? AND status = 'open'",
    )
    .bind(request.0)
    .fetch_optional(&mut tx)
    .await?;
    let Some((contact, requester)) = found else {
        return refuse(ClaimError::RequestNotFound);
    };
    tx.lock_contacts(&[contact]).await?;
    let declined = db::query(
        "UPDATE claim_requests SET status = 'denied', decided_by = ?, decided_at = ?, reason = ?
         WHERE id = ? AND status = 'open'",
    )
    .bind(actor.0)
    .bind(secs(now))
    .bind(reason.trim())
    .bind(request.0)
    .execute(&mut tx)
    .await?;
    if declined.rows_affected() == 0 {
        // Decided on another node between the read and the lock.
        return refuse(ClaimError::RequestNotFound);
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "claim.request_declined",
        subject_type: "claim_request",
        subject_id: Some(request.0),
        contact: Some(ContactId(contact)),
        details: serde_json::json!({ "requester_id": UserId(requester), "reason": reason.trim() }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}
