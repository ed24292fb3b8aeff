//! Moving a whole campaign to another time: every touch of it that has not gone out moves by
//! the same amount (the spacing of shifted recipients is kept) and is checked again by the
//! engine at its new time, each in a transaction of its own, as a single move is. A touch
//! nothing blocks is planned there; one a rule blocks waits for a manager's review; one blocked
//! by consent or do-not-contact is left out (cancelled), as when the campaign was created
//! ([`place`]). A touch that cannot be moved (changed meanwhile, due already, or leased to a
//! sender that is sending it) is reported and the others still move.
//!
//! The campaign's new time is written first, and only if its time is still the one the move
//! was computed from: a second move at the same moment, or a retry after a failure, is
//! refused or computes its shift from the new time, so no touch moves twice. A database error
//! half-way leaves the touches moved so far at their new times and the rest at their old ones
//! (each touch's move is audited).

use crate::domain::ids::{CampaignId, TouchId, UserId};
use crate::domain::permission::Forbidden;
use crate::domain::planning_time::{from_now_on, InThePast};
use crate::domain::{place, Actor, Decision, OnConflict, Placement, Severity, TouchStatus};
use crate::models::campaign_moved::CampaignMoved;
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::rows::{instant, secs};
use crate::store::touches::{cancel, move_unless_blocked, reschedule, Moved};
use crate::store::tx::begin_write;
use crate::store::{refuse, Failure};
use chrono::{DateTime, Utc};
use db::Db;
use serde::{Deserialize, Serialize};

/// Why a campaign could not be moved; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum MoveCampaignError {
    /// No such campaign.
    #[error("no such campaign")]
    NotFound,
    /// It was cancelled.
    #[error("the campaign is cancelled")]
    Cancelled,
    /// Only its author or a manager moves it.
    #[error(transparent)]
    Forbidden(#[from] Forbidden),
    /// The new time has passed.
    #[error(transparent)]
    InThePast(#[from] InThePast),
    /// Someone moved it meanwhile.
    #[error("the campaign was moved meanwhile; reload the page and try again")]
    Changed,
}

/// Moves campaign `id` to `at`: its touches that have not gone out by `at` minus its time.
pub async fn reschedule_campaign(
    pool: &Db,
    id: CampaignId,
    at: DateTime<Utc>,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<CampaignMoved, Failure<MoveCampaignError>> {
    let found: Option<(i64, String, i64)> =
        db::query_as("SELECT author_id, status, scheduled_at FROM campaigns WHERE id = ?")
            .bind(id.0)
            .fetch_optional(pool)
            .await?;
    let Some((author, status, was)) = found else {
        return refuse(MoveCampaignError::NotFound);
    };
    if status == "cancelled" {
        return refuse(MoveCampaignError::Cancelled);
    }
    actor
        .may_change_touch(UserId(author))
        .map_err(|e| Failure::Refused(e.into()))?;
    from_now_on(at, now).map_err(|e| Failure::Refused(e.into()))?;
    let mut tx = begin_write(pool).await?;
    let claimed =
        db::query("UPDATE campaigns SET scheduled_at = ? WHERE id = ? AND scheduled_at = ?")
            .bind(secs(at))
            .bind(id.0)
            .bind(was)
            .execute(&mut tx)
            .await?;
    if claimed.rows_affected() != 1 {
        return refuse(MoveCampaignError::Changed);
    }
    tx.commit().await?;
    let was = instant(was)?;
    let by = at - was;
    let waiting: Vec<(i64, i64, i64, Option<i64>)> = db::query_as(
        "SELECT id, version, scheduled_at, leased_until FROM touches
         WHERE campaign_id = ? AND status IN ('planned', 'pending_review', 'approved')
         ORDER BY scheduled_at, id",
    )
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    let mut moved = CampaignMoved::default();
    for (touch, version, scheduled_at, leased_until) in waiting {
        let touch = TouchId(touch);
        let from = instant(scheduled_at)?;
        let to = from + by;
        if from <= now || leased_until.is_some_and(|until| until > secs(now)) {
            moved
                .refused
                .push((touch, "it is due and going out now".to_owned()));
            continue;
        }
        let outcome = match move_unless_blocked(pool, touch, version, to, actor, now).await {
            Ok(Moved::Done(_)) => Ok(Placement::Planned(to)),
            Ok(Moved::Blocked(conflicts)) => {
                let overridable = conflicts
                    .iter()
                    .filter(|c| c.severity == Severity::Block)
                    .all(|c| c.rule.overridable());
                match place(Decision::Block, overridable, OnConflict::Review, to, || {
                    None
                }) {
                    Placement::Excluded => cancel(pool, touch, version, actor, now)
                        .await
                        .map(|_| Placement::Excluded),
                    _ => reschedule(pool, touch, version, to, actor, now)
                        .await
                        .map(|stored| {
                            if stored.touch.status == TouchStatus::PendingReview {
                                Placement::PendingReview(to)
                            } else {
                                Placement::Planned(to)
                            }
                        }),
                }
            }
            Err(e) => Err(e),
        };
        match outcome {
            Ok(placed) => moved.add(placed),
            Err(Failure::Refused(why)) => moved.refused.push((touch, why.to_string())),
            Err(Failure::Store(e)) => return Err(e.into()),
        }
    }
    let mut tx = begin_write(pool).await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(actor.id),
        action: "campaign.rescheduled",
        subject_type: "campaign",
        subject_id: Some(id.0),
        contact: None,
        details: serde_json::json!({
            "from": was,
            "to": at,
            "planned": moved.planned,
            "pending_review": moved.pending_review,
            "left_out": moved.left_out,
            "not_moved": moved.refused.len(),
        }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(
        campaign.id = id.0,
        planned = moved.planned,
        "campaign rescheduled"
    );
    Ok(moved)
}
