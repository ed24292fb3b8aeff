//! Deciding a campaign's touches awaiting review together, with one reason: each is decided as
//! [`review`](super::reviews::review) decides one, in a transaction of its own, so one that
//! cannot be decided (gone out of review meanwhile, or due in the past) is reported and the
//! others are still decided.

use super::reviews::review;
use super::Failure;
use crate::domain::ids::{CampaignId, TouchId, UserId};
use crate::domain::review::{given_reason, ReviewDecision, ReviewError};
use crate::domain::role::Role;
use crate::models::review_queue::BulkOutcome;
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Db;

/// Decides every touch of `campaign` awaiting review; refused as a whole without a reason.
pub async fn review_campaign(
    pool: &Db,
    campaign: CampaignId,
    reviewer: UserId,
    role: Role,
    decision: ReviewDecision,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<BulkOutcome, Failure<ReviewError>> {
    given_reason(reason).map_err(Failure::Refused)?;
    let ids: Vec<i64> = db::query_scalar(
        "SELECT id FROM touches WHERE campaign_id = ? AND status = 'pending_review'
         ORDER BY scheduled_at, id",
    )
    .bind(campaign.0)
    .fetch_all(pool)
    .await?;
    let mut outcome = BulkOutcome::default();
    for id in ids {
        match review(pool, TouchId(id), reviewer, role, decision, reason, now).await {
            Ok(_) => outcome.decided += 1,
            Err(Failure::Refused(why)) => outcome.refused.push((TouchId(id), why.to_string())),
            Err(Failure::Store(e)) => return Err(e.into()),
        }
    }
    Ok(outcome)
}
