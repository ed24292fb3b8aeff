//! Cancelling a whole campaign: its author or a manager; every touch of it that has not gone
//! out (planned, waiting for review, approved) is cancelled in one transaction, with one audit
//! row; the touches already sent or failed stay as they are.

use crate::domain::ids::CampaignId;
use crate::domain::ids::UserId;
use crate::domain::permission::Forbidden;
use crate::domain::Actor;
use crate::domain::TouchStatus;
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::rows::secs;
use crate::store::tx::begin_write;
use crate::store::{refuse, Failure};
use chrono::{DateTime, Utc};
use db::Db;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Why a campaign could not be cancelled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CancelCampaignError {
    /// No such campaign.
    #[error("no such campaign")]
    NotFound,
    /// It was cancelled already.
    #[error("the campaign is already cancelled")]
    AlreadyCancelled,
    /// Only its author or a manager cancels it.
    #[error(transparent)]
    Forbidden(#[from] Forbidden),
}

/// Cancels a campaign's touches in the statuses that have not gone out
/// ([`TouchStatus::not_gone_out`], the count its page shows before asking).
static CANCEL: LazyLock<String> = LazyLock::new(|| {
    let statuses: Vec<String> = TouchStatus::ALL
        .iter()
        .filter(|s| s.not_gone_out())
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    format!(
        "UPDATE touches SET status = 'cancelled', version = version + 1, updated_at = ?
         WHERE campaign_id = ? AND status IN ({})",
        statuses.join(", ")
    )
});

/// Cancels the campaign's touches that have not gone out; answers how many.
pub async fn cancel_campaign(
    pool: &Db,
    id: CampaignId,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<u64, Failure<CancelCampaignError>> {
    let mut tx = begin_write(pool).await?;
    let found: Option<(i64, String)> =
        db::query_as("SELECT author_id, status FROM campaigns WHERE id = ?")
            .bind(id.0)
            .fetch_optional(&mut tx)
            .await?;
    let Some((author, status)) = found else {
        return refuse(CancelCampaignError::NotFound);
    };
    if status == "cancelled" {
        return refuse(CancelCampaignError::AlreadyCancelled);
    }
    actor
        .may_change_touch(UserId(author))
        .map_err(|e| Failure::Refused(e.into()))?;
    let done = db::query(CANCEL.as_str())
        .bind(secs(now))
        .bind(id.0)
        .execute(&mut tx)
        .await?;
    let cancelled = done.rows_affected();
    db::query("UPDATE campaigns SET status = 'cancelled' WHERE id = ?")
        .bind(id.0)
        .execute(&mut tx)
        .await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(actor.id),
        action: "campaign.cancelled",
        subject_type: "campaign",
        subject_id: Some(id.0),
        contact: None,
        details: serde_json::json!({ "touches_cancelled": cancelled }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(campaign.id = id.0, cancelled, "campaign cancelled");
    Ok(cancelled)
}
