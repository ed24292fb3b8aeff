//! A manager's review of a `pending_review` touch: approve (overriding the named block rules)
//! or reject, always with a reason; recorded in `reviews` and in the audit log, in the same
//! transaction as the status change.

use super::audit::{self, AuditEntry};
use super::rows::{instant, secs, to_json};
use super::touches::touch_row;
use super::tx::begin_for_touch;
use super::{refuse, Failure, StoreError};
use crate::domain::ids::{ContactId, TouchId, UserId};
use crate::domain::review::{decide, still_due, ReviewDecision, ReviewError};
use crate::domain::role::Role;
use crate::records::TouchRecord;
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Db;

/// Decides the review and returns the touch with its new status (`approved` or `cancelled`).
#[tracing::instrument(skip_all, fields(touch.id = %touch, decision = %decision))]
pub async fn review(
    pool: &Db,
    touch: TouchId,
    reviewer: UserId,
    role: Role,
    decision: ReviewDecision,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<TouchRecord, Failure<ReviewError>> {
    let mut tx = begin_for_touch(pool, touch.0).await?;
    let Some(row) = touch_row(&mut tx, touch).await? else {
        return refuse(ReviewError::NotFound);
    };
    let outcome = decide(role, row.status()?, decision, reason, &row.conflicts()?)
        .map_err(Failure::Refused)?;
    still_due(decision, instant(row.scheduled_at)?, now).map_err(Failure::Refused)?;
    db::query("UPDATE touches SET status = ?, version = version + 1, updated_at = ? WHERE id = ?")
        .bind(outcome.status.as_str())
        .bind(secs(now))
        .bind(touch.0)
        .execute(&mut tx)
        .await?;
    let review_id: i64 = db::query_scalar(
        "INSERT INTO reviews (touch_id, reviewer_id, decision, reason, overridden_rules, decided_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(touch.0)
    .bind(reviewer.0)
    .bind(decision.as_str())
    .bind(&outcome.reason)
    .bind(to_json(&outcome.overridden))
    .bind(secs(now))
    .fetch_one(&mut tx)
    .await?;
    let action = match decision {
        ReviewDecision::Approve => "review.approve",
        ReviewDecision::Reject => "review.reject",
    };
    let entry = AuditEntry {
        at: now,
        actor: Some(reviewer),
        action,
        subject_type: "touch",
        subject_id: Some(touch.0),
        contact: Some(ContactId(row.contact_id)),
        details: serde_json::json!({
            "review_id": review_id,
            "reason": outcome.reason,
            "overridden_rules": outcome.overridden,
            "status": outcome.status,
        }),
    };
    audit::record(&mut tx, &entry).await?;
    let row = touch_row(&mut tx, touch)
        .await?
        .ok_or_else(|| StoreError::Corrupt("a touch vanished while reviewed".into()))?;
    tx.commit().await?;
    Ok(row.record()?)
}
