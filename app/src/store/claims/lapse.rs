//! Ending claims that lapsed: an open claim past its expiry already counts as no owner on read;
//! this makes it official (ended, with an audit row) so the contact is back on the leads board.

use crate::domain::ids::{ContactId, UserId};
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::rows::secs;
use crate::store::tx::begin_for_contacts;
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use db::Db;

/// The advisory lock of the lapse job: one node lapses claims per tick.
const LAPSE_JOB: i64 = 0x6c_6170_7365;

/// Ends every open claim whose expiry is at or before `now`; returns how many. With several
/// processes on one database, one of them lapses per tick (the others find the job's lock
/// taken and do nothing), and a claim renewed meanwhile is left open.
pub async fn lapse_expired(pool: &Db, now: DateTime<Utc>) -> Result<u64, StoreError> {
    let mut tx = begin_for_contacts(pool, &[]).await?;
    if !tx.try_lock(LAPSE_JOB).await? {
        return Ok(0);
    }
    let lapsed = db::query_as::<(i64, i64, i64)>(
        "SELECT id, contact_id, user_id FROM claims WHERE ended_at IS NULL AND expires_at <= ?",
    )
    .bind(secs(now))
    .fetch_all(&mut tx)
    .await?;
    let mut ended = 0;
    for (id, contact, owner) in &lapsed {
        let done = db::query(
            "UPDATE claims SET ended_at = ?, end_reason = 'lapsed'
             WHERE id = ? AND ended_at IS NULL AND expires_at <= ?",
        )
        .bind(secs(now))
        .bind(id)
        .bind(secs(now))
        .execute(&mut tx)
        .await?;
        if done.rows_affected() == 0 {
            continue;
        }
        ended += 1;
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
    Ok(ended)
}
