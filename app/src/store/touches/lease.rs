//! Leasing due touches to external sender workers: planned or approved touches of a channel
//! whose time has come, not leased to anyone (or whose lease ran out), each re-checked against
//! the policy as it stands now (a STOP or a new cap since it was planned) and handed out only
//! when nothing blocks it. Two workers never take the same touch: on PostgreSQL the touches
//! are taken `FOR UPDATE SKIP LOCKED`, on SQLite the write lock serializes the leases.

use super::blocked;
use super::context::load;
use super::get::touch_row;
use crate::domain::ids::{ContactId, TouchId};
use crate::domain::{evaluate, Channel, Conflict};
use crate::records::TouchRecord;
use crate::store::db::{self, Db};
use crate::store::rows::secs;
use crate::store::tx::begin_for_contacts;
use crate::store::StoreError;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

/// What a worker asks for.
#[derive(Clone, Debug)]
pub struct LeaseRequest {
    /// The channel it sends on.
    pub channel: Channel,
    /// Touches due up to this instant (at most now).
    pub until: DateTime<Utc>,
    /// At most this many.
    pub limit: i64,
    /// How long the worker may take before the touch returns to the pool.
    pub lease_for: TimeDelta,
    /// Who leases (the token's source).
    pub holder: String,
}

/// What a lease handed out, and what it held back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leased {
    /// Touches now leased to the worker, until `leased_until`.
    pub touches: Vec<TouchRecord>,
    /// When the lease runs out.
    pub leased_until: Option<DateTime<Utc>>,
    /// Due touches the policy now blocks, with why: not handed out.
    pub blocked: Vec<BlockedTouch>,
}

/// A due touch held back by the re-check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockedTouch {
    /// The touch.
    pub touch: TouchRecord,
    /// The conflicts found now.
    pub conflicts: Vec<Conflict>,
}

/// Leases up to `request.limit` due touches.
pub async fn lease_due(
    pool: &Db,
    request: &LeaseRequest,
    now: DateTime<Utc>,
) -> Result<Leased, StoreError> {
    let until = request.until.min(now);
    let leased_until = now + request.lease_for;
    let mut tx = begin_for_contacts(pool, &[]).await?;
    let due: Vec<(i64, i64)> = db::query_as(db::Sql::dialects(
        "SELECT id, contact_id FROM touches
         WHERE channel = ? AND status IN ('planned', 'approved') AND scheduled_at <= ?
           AND (leased_until IS NULL OR leased_until <= ?)
         ORDER BY scheduled_at, id LIMIT ?",
        "SELECT id, contact_id FROM touches
         WHERE channel = ? AND status IN ('planned', 'approved') AND scheduled_at <= ?
           AND (leased_until IS NULL OR leased_until <= ?)
         ORDER BY scheduled_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
    ))
    .bind(request.channel.as_str())
    .bind(secs(until))
    .bind(secs(now))
    .bind(request.limit)
    .fetch_all(&mut tx)
    .await?;
    let mut leased = Leased::default();
    for (id, contact) in due {
        let Some(row) = touch_row(&mut tx, TouchId(id)).await? else {
            continue;
        };
        let cx = load(&mut tx, ContactId(contact), now, TimeDelta::zero(), now)
            .await?
            .ok_or_else(|| StoreError::Corrupt("a touch without its contact".into()))?;
        let proposed = row.proposed_at(now)?;
        let conflicts = evaluate(
            &cx.facts,
            cx.ledger.view(),
            &cx.rules,
            std::slice::from_ref(&proposed),
        );
        if blocked(&conflicts) {
            leased.blocked.push(BlockedTouch {
                touch: row.record()?,
                conflicts,
            });
            continue;
        }
        db::query("UPDATE touches SET leased_until = ?, leased_by = ? WHERE id = ?")
            .bind(secs(leased_until))
            .bind(&request.holder)
            .bind(id)
            .execute(&mut tx)
            .await?;
        leased.touches.push(row.record()?);
    }
    tx.commit().await?;
    if !leased.touches.is_empty() {
        leased.leased_until = Some(leased_until);
    }
    Ok(leased)
}
