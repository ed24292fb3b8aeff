//! Moving a touch to another instant: refused on a stale version or a final status, else
//! re-checked by the engine (ignoring its own ledger entry) and stored as `planned` or
//! `pending_review`, in one write transaction with its audit row. The calendar's drag asks
//! for the move only when nothing blocks it ([`super::try_move`]); the check and the write
//! are still one transaction.

use super::context::load;
use super::get::touch_row;
use super::schedule::Scheduled;
use super::try_move::Moved;
use super::{blocked, rule_ids};
use crate::domain::evaluate;
use crate::domain::ids::{ContactId, TouchId};
use crate::domain::lifecycle::{check_version, may_change, status_after_check, TouchChangeError};
use crate::domain::planning_time::from_now_on;
use crate::domain::Actor;
use crate::store::audit::{self, AuditEntry};
use crate::store::claims::renew;
use crate::store::db;
use crate::store::rows::{instant, secs, to_json};
use crate::store::tx::begin_for_touch;
use crate::store::{refuse, Failure, StoreError};
use chrono::{DateTime, TimeDelta, Utc};
use db::Db;

/// Moves the touch to `at` if the client's `version` is current.
#[tracing::instrument(skip_all, fields(touch.id = %id))]
pub async fn reschedule(
    pool: &Db,
    id: TouchId,
    version: i64,
    at: DateTime<Utc>,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<Scheduled, Failure<TouchChangeError>> {
    match reschedule_checked(pool, id, version, at, actor, now, false).await? {
        Moved::Done(scheduled) => Ok(*scheduled),
        Moved::Blocked(_) => {
            Err(StoreError::Corrupt("a move refused without being asked to".into()).into())
        }
    }
}

/// As [`reschedule`]; with `refuse_blocks`, a move that a rule blocks is not made (nothing
/// changes) and its conflicts come back instead.
pub(super) async fn reschedule_checked(
    pool: &Db,
    id: TouchId,
    version: i64,
    at: DateTime<Utc>,
    actor: Actor,
    now: DateTime<Utc>,
    refuse_blocks: bool,
) -> Result<Moved, Failure<TouchChangeError>> {
    let mut tx = begin_for_touch(pool, id.0).await?;
    let Some(row) = touch_row(&mut tx, id).await? else {
        return refuse(TouchChangeError::NotFound);
    };
    let old = row.touch()?;
    actor
        .may_change_touch(old.author)
        .map_err(|e| Failure::Refused(e.into()))?;
    check_version(row.version, version).map_err(Failure::Refused)?;
    may_change(old.status).map_err(Failure::Refused)?;
    from_now_on(at, now).map_err(|e| Failure::Refused(e.into()))?;
    let contact = ContactId(row.contact_id);
    let cx = load(&mut tx, contact, at, TimeDelta::zero(), now)
        .await?
        .ok_or_else(|| StoreError::Corrupt("a touch without its contact".into()))?;
    let proposed = row.proposed_at(at)?;
    let conflicts = evaluate(
        &cx.facts,
        cx.ledger.view(),
        &cx.rules,
        std::slice::from_ref(&proposed),
    );
    if refuse_blocks && blocked(&conflicts) {
        return Ok(Moved::Blocked(conflicts));
    }
    let status = status_after_check(blocked(&conflicts));
    db::query(
        "UPDATE touches SET scheduled_at = ?, status = ?, conflicts = ?, version = version + 1,
             updated_at = ?
         WHERE id = ? AND version = ?",
    )
    .bind(secs(at))
    .bind(status.as_str())
    .bind(to_json(&conflicts))
    .bind(secs(now))
    .bind(id.0)
    .bind(version)
    .execute(&mut tx)
    .await?;
    if status.counts() {
        renew(&mut tx, contact, old.author, now, cx.rules.claim_term()).await?;
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(actor.id),
        action: "touch.rescheduled",
        subject_type: "touch",
        subject_id: Some(id.0),
        contact: Some(contact),
        details: serde_json::json!({
            "from": instant(row.scheduled_at)?,
            "to": at,
            "status": status,
            "conflicts": rule_ids(&conflicts),
        }),
    };
    audit::record(&mut tx, &entry).await?;
    let row = touch_row(&mut tx, id)
        .await?
        .ok_or_else(|| StoreError::Corrupt("a touch vanished while moved".into()))?;
    tx.commit().await?;
    Ok(Moved::Done(Box::new(Scheduled {
        touch: row.record()?,
        conflicts,
    })))
}
