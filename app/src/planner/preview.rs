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
    /// Of them, those it blocks (the rest it warns about).
    pub blocks: u64,
    /// The index among its hits of the first sample shown.
    pub from: u64,
    /// How many samples a page shows.
    pub per_page: u64,
    /// Samples: recipient, explanation, next allowed slot.
    pub samples: Vec<SampleHit>,
}

impl RuleHits {
    /// "blocks 12", "warns about 3", "blocks 12 and warns about 3".
    pub fn severity_text(&self) -> String {
        let warns = self.count - self.blocks.min(self.count);
        match (self.blocks, warns) {
            (0, w) => format!("warns about {w}"),
            (b, 0) => format!("blocks {b}"),
            (b, w) => format!("blocks {b} and warns about {w}"),
        }
    }
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
    /// Whether the rule blocks this recipient's touch (else it warns).
    pub blocks: bool,
}

/// Previews the campaign the fields describe; `rule` and `from` ask for a later page of one
/// rule's samples (that rule's hits from index `from` on; the other rules show their first).
#[server(name = PreviewCampaign, prefix = "/api", endpoint = "preview_campaign")]
pub async fn preview_campaign(
    fields: CampaignFields,
    rule: Option<RuleId>,
    from: Option<u64>,
) -> Result<CampaignPreview, AppError> {
    use crate::domain::Action;
    use crate::store::preview::{self, PreviewRequest};
    let (state, user) = crate::auth::require::allowed(Action::PlanCampaign).await?;
    let draft = fields.parse(user.timezone, &user.actor())?;
    draft.still_ahead("at", chrono::Utc::now())?;
    let rules = crate::store::rules::current_rules(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    let heavy = state.heavy.start_for(&format!("user:{}", user.id)).await?;
    let mut request = PreviewRequest::for_draft(&draft);
    request.samples_from = rule.map(|rule| (rule, from.unwrap_or(0) as usize));
    let found = preview::preview_campaign(&heavy.pool, &rules, &request)
        .await
        .map_err(|e| e.log_as_internal())?;
    let rules = found
        .by_rule
        .iter()
        .map(|(hit, count)| RuleHits {
            rule: *hit,
            count: *count,
            blocks: found.blocks_by_rule.get(hit).copied().unwrap_or(0),
            from: if rule == Some(*hit) {
                from.unwrap_or(0)
            } else {
                0
            },
            per_page: request.samples_per_rule as u64,
            samples: found
                .samples
                .get(hit)
                .into_iter()
                .flatten()
                .map(|s| SampleHit {
                    contact: s.contact,
                    name: s.name.clone(),
                    message: s.message.clone(),
                    next: found.next_allowed.get(&s.contact).copied().flatten(),
                    blocks: s.blocks,
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
