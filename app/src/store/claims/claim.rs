//! A rep's claim on a contact: granted when unowned (ending a lapsed claim first), or filed as a
//! claim request for the managers when someone else owns it.

use super::open::{open_claim, start_claim};
use super::requests::file_request;
use super::Granted;
use crate::domain::claims::{decide_claim, ClaimDecision, ClaimError};
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

/// Claims the contact for `claimant`. Already owned by someone else: a claim request is filed
/// (and committed) and `ClaimError::AlreadyOwned { request: Some(..) }` is returned.
#[tracing::instrument(skip_all, fields(contact.id = %contact, user.id = %claimant))]
pub async fn claim(
    pool: &Db,
    contact: ContactId,
    claimant: UserId,
    role: Role,
    now: DateTime<Utc>,
) -> Result<Granted, Failure<ClaimError>> {
    let mut tx = begin_for_contacts(pool, &[contact.0]).await?;
    let exists: Option<i64> = db::query_scalar("SELECT id FROM contacts WHERE id = ?")
        .bind(contact.0)
        .fetch_optional(&mut tx)
        .await?;
    if exists.is_none() {
        return refuse(ClaimError::ContactNotFound);
    }
    let rules = load_rules(&mut tx).await?;
    let open = open_claim(&mut tx, contact).await?;
    let decision = decide_claim(
        open.map(|(_, c)| c),
        claimant,
        role,
        now,
        rules.claim_term(),
    );
    let expires_at = match decision {
        Ok(ClaimDecision::AlreadyYours) => {
            let (_, claim) = open.ok_or(Failure::Refused(ClaimError::NotOwned))?;
            return Ok(Granted {
                owner_id: claimant,
                expires_at: claim.expires_at,
            });
        }
        Ok(ClaimDecision::Grant { expires_at }) => expires_at,
        Err(ClaimError::AlreadyOwned { owner, .. }) => {
            let request = file_request(&mut tx, contact, claimant, now).await?;
            tx.commit().await?;
            return refuse(ClaimError::AlreadyOwned {
                owner,
                request: Some(request),
            });
        }
        Err(refusal) => return refuse(refusal),
    };
    if let Some((lapsed, _)) = open {
        db::query("UPDATE claims SET ended_at = ?, end_reason = 'lapsed' WHERE id = ?")
            .bind(secs(now))
            .bind(lapsed)
            .execute(&mut tx)
            .await?;
    }
    let id = start_claim(&mut tx, contact, claimant, now, expires_at).await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(claimant),
        action: "claim.claimed",
        subject_type: "claim",
        subject_id: Some(id),
        contact: Some(contact),
        details: serde_json::json!({ "expires_at": expires_at }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Granted {
        owner_id: claimant,
        expires_at,
    })
}
