//! `POST /api/v1/campaigns/preview` (marketers and up): what a campaign would run into, per
//! rule, before anything is planned; `POST /api/v1/campaigns`: plan it, all or nothing, with
//! the conflicting recipients excluded, shifted to their next allowed slot, or sent to review.

use super::{ApiError, ApiJson, Caller, ErrorBody};
use app::{
    domain::{
        ids::{ContactId, TeamId},
        new_touch::parse_instant,
        wire_schema::{Instant, NonBlankText},
        Action, CampaignDraft, CampaignInput, Channel, OnConflict, Purpose, RuleId, Stage,
    },
    state::AppState,
    store::{
        campaigns::{create_campaign, CampaignCreated, NewCampaign},
        preview::{preview_campaign, PreviewRequest},
        rules::current_rules,
    },
};
use axum::{extract::State, http::StatusCode, Json};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::openapi::schema::{AllOfBuilder, ObjectBuilder, Schema};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

/// Who a campaign is for: stages, attribute conditions, or an explicit list.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AudienceBody {
    /// Only these stages (none: every stage).
    #[serde(default)]
    #[schema(value_type = Vec<Stage>)]
    stages: Vec<String>,
    /// Conditions on attributes, e.g. `child_age < 3`: each `<field> <op> <value>` with op one
    /// of `=`, `!=`, `<`, `<=`, `>`, `>=`, the field letters, digits, `_`, `.` or `-` (`stage`
    /// only with `=` or `!=` and a stage), separated by `;`, new lines or ` and `; blank means
    /// none.
    #[schema(example = "child_age < 3")]
    conditions: Option<String>,
    /// An explicit list of contacts.
    contact_ids: Option<Vec<i64>>,
}

/// A campaign to preview.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignBody {
    /// The recipients.
    #[serde(default)]
    audience: AudienceBody,
    /// email, sms, phone or mail.
    #[schema(value_type = Channel)]
    channel: String,
    /// promotional, newsletter, sales_followup, relationship, service or transactional.
    #[schema(value_type = Purpose)]
    purpose: String,
    /// When it goes out (RFC 3339): from five minutes ago on.
    #[schema(value_type = Instant)]
    scheduled_at: String,
    /// The campaign's title (not blank).
    #[schema(value_type = NonBlankText)]
    title: String,
    /// The sending team (it must exist); default the caller's. Only managers and admins may
    /// name another team.
    team_id: Option<i64>,
    /// For `POST /campaigns` (required there; a preview ignores it): exclude (skip conflicting
    /// recipients), shift (to their next allowed slot within 14 days, else skip) or review
    /// (plan them as pending_review for a manager).
    #[schema(value_type = Option<OnConflict>, example = "exclude")]
    on_conflict: Option<String>,
}

/// The body of `POST /api/v1/campaigns`: a [`CampaignBody`] with `on_conflict` required. Only
/// documents it: the handler reads a `CampaignBody` and refuses one without `on_conflict`.
pub struct NewCampaignBody;

impl PartialSchema for NewCampaignBody {
    fn schema() -> RefOr<Schema> {
        let required = ObjectBuilder::new()
            .property("on_conflict", Ref::from_schema_name(OnConflict::name()))
            .required("on_conflict");
        AllOfBuilder::new()
            .item(Ref::from_schema_name(CampaignBody::name()))
            .item(required)
            .description(Some(
                "A campaign to plan: a `CampaignBody` with `on_conflict` (exclude, shift or \
                 review) required.",
            ))
            .into()
    }
}

impl ToSchema for NewCampaignBody {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((CampaignBody::name().into_owned(), CampaignBody::schema()));
        CampaignBody::schemas(schemas);
        schemas.push((OnConflict::name().into_owned(), OnConflict::schema()));
    }
}

/// One sample recipient with the engine's explanation.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExampleBody {
    /// The recipient.
    contact_id: ContactId,
    /// The recipient's name.
    name: String,
    /// Why the rule fires for them.
    message: String,
}

/// Per rule, how many recipients a campaign hits, with samples.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewBody {
    /// How many recipients.
    recipients: u64,
    /// Recipients without any conflict.
    allowed: u64,
    /// Recipients with only warn conflicts.
    warned: u64,
    /// Recipients with a block conflict.
    blocked: u64,
    /// Per rule id, how many recipients it hits.
    by_rule: BTreeMap<RuleId, u64>,
    /// Per rule id, a few recipients it hits.
    samples: BTreeMap<RuleId, Vec<ContactId>>,
    /// The same samples with their explanations.
    examples: BTreeMap<RuleId, Vec<ExampleBody>>,
    /// For the blocked samples (by contact id): the next allowed instant within 14 days.
    #[schema(value_type = BTreeMap<String, Option<DateTime<Utc>>>)]
    next_allowed: BTreeMap<ContactId, Option<DateTime<Utc>>>,
}

/// Previews a campaign.
#[utoipa::path(post, path = "/api/v1/campaigns/preview", operation_id = "preview_campaign", tag = "campaigns", request_body = CampaignBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The preview", body = PreviewBody),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Reps may not preview campaigns", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn preview(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CampaignBody>,
) -> Result<Json<PreviewBody>, ApiError> {
    caller.require(Action::PlanCampaign)?;
    let request = PreviewRequest::for_draft(&parse(&body, &caller)?);
    let rules = current_rules(&state.pool).await?;
    let heavy = state.heavy.start_for(&caller.source()).await?;
    let preview = preview_campaign(&heavy.pool, &rules, &request).await?;
    let samples = preview
        .samples
        .iter()
        .map(|(rule, list)| (*rule, list.iter().map(|s| s.contact).collect()))
        .collect();
    let examples = preview
        .samples
        .into_iter()
        .map(|(rule, list)| {
            let list = list
                .into_iter()
                .map(|s| ExampleBody {
                    contact_id: s.contact,
                    name: s.name,
                    message: s.message,
                })
                .collect();
            (rule, list)
        })
        .collect();
    Ok(Json(PreviewBody {
        recipients: preview.recipients,
        allowed: preview.allowed,
        warned: preview.warned,
        blocked: preview.blocked,
        by_rule: preview.by_rule,
        samples,
        examples,
        next_allowed: preview.next_allowed,
    }))
}

/// The body parsed into a campaign, each failure naming its field.
fn parse(body: &CampaignBody, caller: &Caller) -> Result<CampaignDraft, ApiError> {
    let input = CampaignInput {
        stages: &body.audience.stages,
        conditions: body.audience.conditions.as_deref(),
        contact_ids: body.audience.contact_ids.as_deref(),
        channel: &body.channel,
        purpose: &body.purpose,
        scheduled_at: parse_instant("scheduled_at", &body.scheduled_at)?,
        title: &body.title,
        team: caller.actor().team_for(body.team_id.map(TeamId))?,
        author: caller.0.id,
    };
    let draft = input.parse()?;
    draft.still_ahead("scheduled_at", chrono::Utc::now())?;
    Ok(draft)
}

/// A planned campaign with its per-status counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedBody {
    /// The campaign's id.
    id: i64,
    /// planned, or pending_review when some touches await a manager.
    status: &'static str,
    /// How many recipients matched.
    recipients: u64,
    /// Touches planned (shifted ones included).
    planned: u64,
    /// Touches awaiting review.
    pending_review: u64,
    /// Touches moved to a later slot.
    shifted: u64,
    /// Recipients left out.
    excluded: u64,
}

/// Plans a campaign: one touch per recipient, in one transaction.
#[utoipa::path(post, path = "/api/v1/campaigns", operation_id = "create_campaign", tag = "campaigns", request_body = NewCampaignBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Planned", body = CreatedBody),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Reps may not plan campaigns", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CampaignBody>,
) -> Result<(StatusCode, Json<CreatedBody>), ApiError> {
    caller.require(Action::PlanCampaign)?;
    let on_conflict = body
        .on_conflict
        .as_deref()
        .ok_or_else(|| ApiError::field("on_conflict", "is required: exclude, shift or review"))
        .and_then(|text| OnConflict::parse(text).map_err(|e| ApiError::field("on_conflict", e)))?;
    let campaign = NewCampaign::from_draft(&parse(&body, &caller)?, on_conflict);
    let created: CampaignCreated = create_campaign(
        &state.heavy.start_for(&caller.source()).await?.pool,
        &campaign,
        chrono::Utc::now(),
    )
    .await?;
    let status = if created.pending_review > 0 {
        "pending_review"
    } else {
        "planned"
    };
    Ok((
        StatusCode::CREATED,
        Json(CreatedBody {
            id: created.id.0,
            status,
            recipients: created.recipients,
            planned: created.planned,
            pending_review: created.pending_review,
            shifted: created.shifted,
            excluded: created.excluded,
        }),
    ))
}
