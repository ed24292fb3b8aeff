//! Server function: plan the campaign, all or nothing, doing what the planner chose with the
//! recipients a rule blocks.
#![allow(
    clippy::too_many_arguments,
    reason = "one argument per form field: the plain form posts its fields flat"
)]

use crate::error::AppError;
use leptos::prelude::*;

/// Plans the campaign, then shows the planner its counts. The fields are the preview's, carried
/// in the plan form, so the form also works as a plain post.
#[server(name = PlanCampaign, prefix = "/api", endpoint = "plan_campaign")]
pub async fn plan_campaign(
    title: String,
    channel: String,
    purpose: String,
    at: String,
    team_id: String,
    stages: String,
    conditions: String,
    on_conflict: String,
) -> Result<(), AppError> {
    use super::CampaignFields;
    use crate::domain::{Action, FieldError, OnConflict};
    use crate::store::campaigns::{create_campaign, NewCampaign};
    let (state, user) = crate::auth::require::allowed(Action::PlanCampaign).await?;
    let fields = CampaignFields {
        title,
        channel,
        purpose,
        at,
        team_id,
        stages,
        conditions,
    };
    let draft = fields.parse(user.timezone, &user.actor())?;
    draft.still_ahead("at", chrono::Utc::now())?;
    let on_conflict =
        OnConflict::parse(&on_conflict).map_err(|e| FieldError::new("on_conflict", e))?;
    let heavy = state.heavy.start_for(&format!("user:{}", user.id)).await?;
    let created = create_campaign(
        &heavy.pool,
        &NewCampaign::from_draft(&draft, on_conflict),
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!(
        "/plan?created={}&recipients={}&planned={}&shifted={}&excluded={}&pending_review={}",
        created.id.0,
        created.recipients,
        created.planned,
        created.shifted,
        created.excluded,
        created.pending_review
    ));
    Ok(())
}
