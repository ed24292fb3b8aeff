//! Cancelling a touch: its author's, or any for a manager; refused on a stale version or a
//! final status; the touch stops counting.

use super::get::touch_row;
use crate::domain::ids::{ContactId, TouchId, UserId};
use crate::domain::lifecycle::{check_version, may_change, TouchChangeError};
use crate::domain::Actor;
use crate::records::TouchRecord;
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::rows::secs;
use crate::store::tx::begin_for_touch;
use crate::store::{refuse, Failure, StoreError};
use chrono::{DateTime, Utc};
use db::Db;

/// Cancels the touch if the client's `version` is current.
#[tracing::instrument(skip_all, fields(touch.id = %id))]
pub async fn cancel(
    pool: &Db,
    id: TouchId,
    version: i64,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<TouchRecord, Failure<TouchChangeError>> {
    let mut tx = begin_for_touch(pool, id.0).await?;
    let Some(row) = touch_row(&mut tx, id).await? else {
        return refuse(TouchChangeError::NotFound);
    };
    actor
        .may_change_touch(UserId(row.author_id))
        .map_err(|e| Failure::Refused(e.into()))?;
    check_version(row.version, version).map_err(Failure::Refused)?;
    may_change(row.status()?).map_err(Failure::Refused)?;
    db::query(
        "UPDATE touches SET status = 'cancelled', version = version + 1, updated_at = ?
         WHERE id = ? AND version = ?",
    )
    .bind(secs(now))
    .bind(id.0)
    .bind(version)
    .execute(&mut tx)
    .await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(actor.id),
        action: "touch.cancelled",
        subject_type: "touch",
        subject_id: Some(id.0),
        contact: Some(ContactId(row.contact_id)),
        details: serde_json::json!({ "was": row.status }),
    };
    audit::record(&mut tx, &entry).await?;
    let row = touch_row(&mut tx, id)
        .await?
        .ok_or_else(|| StoreError::Corrupt("a touch vanished while cancelled".into()))?;
    tx.commit().await?;
    Ok(row.record()?)
}
