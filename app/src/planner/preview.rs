//! Server function: what a campaign would run into, per rule, before anything is planned.

use super::CampaignFields;
use crate::domain::ids::ContactId;
use crate::domain::RuleId;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A preview as the planner page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignPreview {
    /// How many recipients match the audience.
    pub recipients: u64,
    /// Recipients without any conflict.
    pub allowed: u64,
    /// Recipients with warnings only.
    pub warned: u64,
    /// Recipients a rule blocks.
    pub blocked: u64,
    /// Per rule: how many recipients it hits, and a few of them with the explanation and
    /// (when blocked) their next allowed slot.
    pub rules: Vec<RuleHits>,
}

/// One rule's hits in a preview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleHits {
    /// The rule.
    pub rule: RuleId,
    /// Recipients it hits.
    pub count: u64,
    /// Samples: recipient, explanation, next allowed slot.
    pub samples: Vec<SampleHit>,
}

/// One recipient a rule hits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleHit {
    /// The recipient.
    pub contact: ContactId,
    /// Their name.
    pub name: String,
    /// Why the rule fires for them.
    pub message: String,
    /// When it could go out instead, if a block clears within the horizon.
    pub next: Option<DateTime<Utc>>,
}

/// Previews the campaign the fields describe.
#[server(name = PreviewCampaign, prefix = "/api", endpoint = "preview_campaign")]
pub async fn preview_campaign(fields: CampaignFields) -> Result<CampaignPreview, AppError> {
    use crate::domain::Action;
    use crate::store::preview::{self, PreviewRequest};
    let (state, user) = crate::auth::require::allowed(Action::PlanCampaign).await?;
    let draft = fields.parse(user.timezone, &user.actor())?;
    draft.still_ahead("at", chrono::Utc::now())?;
    let rules = crate::store::rules::current_rules(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    let heavy = state.heavy.start_for(&format!("user:{}", user.id)).await?;
    let found = preview::preview_campaign(&heavy.pool, &rules, &PreviewRequest::for_draft(&draft))
        .await
        .map_err(|e| e.log_as_internal())?;
    let rules = found
        .by_rule
        .iter()
        .map(|(rule, count)| RuleHits {
            rule: *rule,
            count: *count,
            samples: found
                .samples
                .get(rule)
                .into_iter()
                .flatten()
                .map(|s| SampleHit {
                    contact: s.contact,
                    name: s.name.clone(),
                    message: s.message.clone(),
                    next: found.next_allowed.get(&s.contact).copied().flatten(),
                })
                .collect(),
        })
        .collect();
    Ok(CampaignPreview {
        recipients: found.recipients,
        allowed: found.allowed,
        warned: found.warned,
        blocked: found.blocked,
        rules,
    })
}
