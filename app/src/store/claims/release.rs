//! Releasing a claim: the owner (or a manager) gives the contact back to the unowned pool.

use super::open::open_claim;
use crate::domain::claims::{decide_release, ClaimError};
use crate::domain::ids::{ContactId, UserId};
use crate::domain::role::Role;
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::rows::secs;
use crate::store::tx::begin_for_contacts;
use crate::store::Failure;
use chrono::{DateTime, Utc};
use db::Db;

/// Ends the contact's live claim on behalf of `actor`.
#[tracing::instrument(skip_all, fields(contact.id = %contact, user.id = %actor))]
pub async fn release(
    pool: &Db,
    contact: ContactId,
    actor: UserId,
    role: Role,
    now: DateTime<Utc>,
) -> Result<(), Failure<ClaimError>> {
    let mut tx = begin_for_contacts(pool, &[contact.0]).await?;
    let open = open_claim(&mut tx, contact).await?;
    let claim = decide_release(open.map(|(_, c)| c), actor, role, now).map_err(Failure::Refused)?;
    let id = open.map(|(id, _)| id);
    db::query("UPDATE claims SET ended_at = ?, end_reason = 'released', ended_by = ? WHERE id = ?")
        .bind(secs(now))
        .bind(actor.0)
        .bind(id)
        .execute(&mut tx)
        .await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "claim.released",
        subject_type: "claim",
        subject_id: id,
        contact: Some(contact),
        details: serde_json::json!({ "owner_id": claim.owner }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}
