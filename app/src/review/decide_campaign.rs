//! Server function: approve or reject every touch of one campaign awaiting review, with one
//! reason.

use crate::error::AppError;
use crate::models::review_queue::BulkOutcome;
use leptos::prelude::*;

/// Decides the touches of campaign `campaign_id` awaiting review: `decision` is `approve` or
/// `reject`; `reason` is required. Answers how many were decided and which could not be.
#[server(name = DecideCampaign, prefix = "/api", endpoint = "review/decide-campaign")]
pub async fn decide_campaign(
    campaign_id: i64,
    decision: String,
    reason: String,
) -> Result<BulkOutcome, AppError> {
    use crate::domain::ids::CampaignId;
    use crate::domain::ReviewDecision;

    let (state, user) = crate::auth::require::allowed(crate::domain::Action::Review).await?;
    let decision =
        ReviewDecision::parse(&decision).map_err(|e| AppError::Validation(e.to_string()))?;
    let outcome = crate::store::reviews_bulk::review_campaign(
        &state.pool,
        CampaignId(campaign_id),
        user.id,
        user.role,
        decision,
        &reason,
        chrono::Utc::now(),
    )
    .await?;
    crate::ui::flash::kept::<DecideCampaign>(Ok(outcome)).await
}
