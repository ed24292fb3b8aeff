//! Server functions: the campaigns list and one campaign, for marketers, managers and admins.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::models::campaigns::{CampaignRecipient, CampaignSummary};

/// How many campaigns or recipients a page shows.
pub const PAGE: u32 = 50;

/// A page of campaigns, newest first, in the viewer's zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignList {
    pub campaigns: Vec<CampaignSummary>,
    pub zone: crate::domain::TimeZone,
}

/// The campaigns below `before` (an id), newest first.
#[server(prefix = "/api", endpoint = "campaigns_list")]
pub async fn load_campaigns(before: Option<i64>) -> Result<CampaignList, AppError> {
    use crate::domain::{ids::CampaignId, Action};
    let (state, user) = crate::auth::require::allowed(Action::PlanCampaign).await?;
    let campaigns =
        crate::store::campaigns::list_campaigns(&state.pool, PAGE, before.map(CampaignId))
            .await
            .map_err(|e| e.log_as_internal())?;
    Ok(CampaignList {
        campaigns,
        zone: user.timezone,
    })
}

/// One campaign and a page of its recipients.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignDetail {
    pub campaign: CampaignSummary,
    pub recipients: Vec<CampaignRecipient>,
    /// The first recipient shown (0-based).
    pub offset: u32,
    pub zone: crate::domain::TimeZone,
    /// Whether the viewer may move or cancel it (its author, or a manager).
    pub may_cancel: bool,
}

/// Campaign `id` with its recipients from `offset`.
#[server(prefix = "/api", endpoint = "campaign_detail")]
pub async fn load_campaign(id: i64, offset: u32) -> Result<CampaignDetail, AppError> {
    use crate::domain::{ids::CampaignId, Action};
    use crate::store::campaigns::{campaign_recipients, get_campaign};
    let (state, user) = crate::auth::require::allowed(Action::PlanCampaign).await?;
    let internal = |e: crate::store::StoreError| e.log_as_internal();
    let campaign = get_campaign(&state.pool, CampaignId(id))
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::NotFound("no such campaign".into()))?;
    let recipients = campaign_recipients(&state.pool, CampaignId(id), PAGE, offset)
        .await
        .map_err(internal)?;
    let may_cancel =
        campaign.status != "cancelled" && user.actor().may_change_touch(campaign.author_id).is_ok();
    Ok(CampaignDetail {
        campaign,
        recipients,
        offset,
        zone: user.timezone,
        may_cancel,
    })
}
