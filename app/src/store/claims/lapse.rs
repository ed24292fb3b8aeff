//! Ending claims that lapsed: an open claim past its expiry already counts as no owner on read;
//! this makes it official (ended, with an audit row) so the contact is back on the leads board.

use crate::store::db;
use crate::domain::ids::{ContactId, UserId};
use crate::store::audit::{self, AuditEntry};
use crate::store::rows::secs;
use crate::store::tx::begin_write;
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use db::Db;

/// Ends every open claim whose expiry is at or before `now`; returns how many.
pub async fn lapse_expired(pool: &Db, now: DateTime<Utc>) -> Result<u64, StoreError> {
    let mut tx = begin_write(pool).await?;
    let lapsed = db::query_as::<(i64, i64, i64)>(
        "SELECT id, contact_id, user_id FROM claims WHERE ended_at IS NULL AND expires_at <= ?",
    )
    .bind(secs(now))
    .fetch_all(&mut tx)
    .await?;
    for (id, contact, owner) in &lapsed {
        db::query("UPDATE claims SET ended_at = ?, end_reason = 'lapsed' WHERE id = ?")
            .bind(secs(now))
            .bind(id)
            .execute(&mut tx)
            .await?;
        let entry = AuditEntry {
            at: now,
            actor: None,
            action: "claim.lapsed",
            subject_type: "claim",
            subject_id: Some(*id),
            contact: Some(ContactId(*contact)),
            details: serde_json::json!({ "owner_id": UserId(*owner) }),
        };
        audit::record(&mut tx, &entry).await?;
    }
    tx.commit().await?;
    Ok(lapsed.len() as u64)
}
