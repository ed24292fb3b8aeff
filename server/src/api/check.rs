//! `POST /api/v1/check`: the send gate. "May I send this now?" — a decision, the conflicts and
//! the next allowed instant. Stores nothing.

use super::{ApiError, ApiJson, Caller, ErrorBody};
use app::{
    domain::{
        consent::Topic,
        ids::{ContactId, TeamId},
        new_touch::parse_instant,
        wire_schema::{Instant, TopicOrBlank},
        Channel, Conflict, Decision, ProposedTouch, Purpose,
    },
    state::AppState,
    store::touches,
};
use axum::{extract::State, Json};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A touch a sender is about to send.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckBody {
    /// The contact (it must exist).
    pub contact_id: i64,
    /// email, sms, phone or mail.
    #[schema(value_type = Channel, example = "email")]
    pub channel: String,
    /// promotional, newsletter, sales_followup, relationship, service or transactional.
    #[schema(value_type = Purpose, example = "promotional")]
    pub purpose: String,
    /// The sending team; default the token's user's team.
    pub team_id: Option<i64>,
    /// When (RFC 3339); default now.
    #[schema(value_type = Option<Instant>)]
    pub at: Option<String>,
    /// Sent by a robo-dialer or bulk tool.
    #[serde(default)]
    pub automated: bool,
    /// Addressed by name; default true.
    pub personalized: Option<bool>,
    /// The consent topic the message is about, e.g. `newsletter` (it must exist); blank means
    /// none.
    #[schema(value_type = Option<TopicOrBlank>)]
    pub topic: Option<String>,
}

/// The gate's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionBody {
    /// allow (no conflict), warn (only warn conflicts) or block.
    decision: Decision,
    /// Every conflict, blocks first.
    conflicts: Vec<Conflict>,
    /// The earliest instant (within 14 days) with no block conflict.
    next_allowed_at: Option<DateTime<Utc>>,
}

/// Asks whether a touch may go out.
#[utoipa::path(post, path = "/api/v1/check", operation_id = "check_touch", tag = "send gate", request_body = CheckBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The decision", body = DecisionBody),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn check(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CheckBody>,
) -> Result<Json<DecisionBody>, ApiError> {
    let channel = Channel::parse(&body.channel).map_err(|e| ApiError::field("channel", e))?;
    let purpose = Purpose::parse(&body.purpose).map_err(|e| ApiError::field("purpose", e))?;
    let now = Utc::now();
    let at = match &body.at {
        Some(text) => parse_instant("at", text)?,
        None => now,
    };
    let team = body.team_id.map(TeamId).unwrap_or(caller.0.team_id);
    let mut touch = ProposedTouch::new(channel, purpose, team, caller.0.id, at);
    touch.automated = body.automated;
    touch.personalized = body.personalized.unwrap_or(true);
    if let Some(text) = body.topic.as_deref().filter(|t| !t.trim().is_empty()) {
        let topic = Topic::parse(text).map_err(|e| ApiError::field("topic", e))?;
        if !app::store::consent::topics::exists(&state.pool, &topic).await? {
            return Err(ApiError::field(
                "topic",
                format!("there is no topic {topic}; GET /api/v1/topics lists them"),
            ));
        }
        touch.topic = Some(topic);
    }
    let rules = state.rules.get(&state.pool).await?;
    let checked = touches::check(
        &state.reader,
        &rules,
        ContactId(body.contact_id),
        &touch,
        now,
        None,
    )
    .await?;
    Ok(Json(DecisionBody {
        decision: checked.decision,
        conflicts: checked.conflicts,
        next_allowed_at: checked.next_allowed_at,
    }))
}
