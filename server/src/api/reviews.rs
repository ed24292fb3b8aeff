//! `POST /api/v1/reviews/{touch_id}` (managers): approve a pending touch with a reason (an
//! override of its block rules) or reject it.

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::{
    domain::{ids::TouchId, wire_schema::NonBlankText, ReviewDecision},
    records::TouchRecord,
    state::AppState,
    store::reviews,
};
use axum::{extract::State, Json};
use chrono::Utc;
use serde::Deserialize;
use utoipa::ToSchema;

/// A manager's decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    /// approve or reject. Only a `pending_review` touch is decided, and only one whose time is
    /// still ahead (from five minutes ago on) is approved.
    #[schema(value_type = ReviewDecision, example = "approve")]
    decision: String,
    /// Why; required (not blank), recorded in the audit log.
    #[schema(value_type = NonBlankText)]
    reason: String,
}

/// Decides on a pending touch.
#[utoipa::path(post, path = "/api/v1/reviews/{touch_id}", operation_id = "decide_review", tag = "reviews", request_body = ReviewBody,
    params(("touch_id" = i64, Path, description = "The pending touch")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The touch with its new status", body = TouchRecord),
        (status = 400, description = "Malformed JSON or id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not a manager", body = ErrorBody),
        (status = 404, description = "No such touch", body = ErrorBody),
        (status = 409, description = "Not pending review, its time has passed, or it is blocked by consent or do-not-contact (only a rejection is possible)", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn decide(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(touch): ApiPath<i64>,
    ApiJson(body): ApiJson<ReviewBody>,
) -> Result<Json<TouchRecord>, ApiError> {
    let decision =
        ReviewDecision::parse(&body.decision).map_err(|e| ApiError::field("decision", e))?;
    let (user, role) = (caller.0.id, caller.0.role);
    reviews::review(
        &state.pool,
        TouchId(touch),
        user,
        role,
        decision,
        &body.reason,
        Utc::now(),
    )
    .await
    .map(Json)
    .map_err(ApiError::from)
}
