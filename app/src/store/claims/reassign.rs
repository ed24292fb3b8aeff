//! A manager's reassignment of a contact to another user, with a reason.

use super::open::{open_claim, start_claim};
use super::Granted;
use crate::domain::claims::{decide_reassign, ClaimError};
use crate::domain::ids::{ContactId, UserId};
use crate::domain::role::Role;
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::rows::secs;
use crate::store::rules::load_rules;
use crate::store::tx::begin_for_contacts;
use crate::store::{refuse, Failure};
use chrono::{DateTime, Utc};
use db::Db;

/// Ends any open claim as `reassigned` and gives the contact to `to`; `to`'s open claim request
/// for it, if any, is granted.
#[tracing::instrument(skip_all, fields(contact.id = %contact, user.id = %actor))]
pub async fn reassign(
    pool: &Db,
    contact: ContactId,
    to: UserId,
    actor: UserId,
    role: Role,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Granted, Failure<ClaimError>> {
    let mut tx = begin_for_contacts(pool, &[contact.0]).await?;
    let rules = load_rules(&mut tx).await?;
    let expires_at =
        decide_reassign(role, reason, now, rules.claim_term()).map_err(Failure::Refused)?;
    let contact_exists: Option<i64> = db::query_scalar("SELECT id FROM contacts WHERE id = ?")
        .bind(contact.0)
        .fetch_optional(&mut tx)
        .await?;
    if contact_exists.is_none() {
        return refuse(ClaimError::ContactNotFound);
    }
    let user_exists: Option<i64> = db::query_scalar("SELECT id FROM users WHERE id = ?")
        .bind(to.0)
        .fetch_optional(&mut tx)
        .await?;
    if user_exists.is_none() {
        return refuse(ClaimError::UserNotFound);
    }
    let previous = open_claim(&mut tx, contact).await?;
    if let Some((id, _)) = previous {
        db::query(
            "UPDATE claims SET ended_at = ?, end_reason = 'reassigned', ended_by = ? WHERE id = ?",
        )
        .bind(secs(now))
        .bind(actor.0)
        .bind(id)
        .execute(&mut tx)
        .await?;
    }
    let id = start_claim(&mut tx, contact, to, now, expires_at).await?;
    db::query(
        "UPDATE claim_requests SET status = 'granted', decided_by = ?, decided_at = ?, reason = ?
         WHERE contact_id = ? AND requester_id = ? AND status = 'open'",
    )
    .bind(actor.0)
    .bind(secs(now))
    .bind(reason.trim())
    .bind(contact.0)
    .bind(to.0)
    .execute(&mut tx)
    .await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "claim.reassigned",
        subject_type: "claim",
        subject_id: Some(id),
        contact: Some(contact),
        details: serde_json::json!({
            "from": previous.map(|(_, c)| c.owner),
            "to": to,
            "reason": reason.trim(),
        }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Granted {
        owner_id: to,
        expires_at,
    })
}
