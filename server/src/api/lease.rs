//! `POST /api/v1/touches/lease`: a sender worker pulls the touches of its channel whose time has
//! come. Each is leased to it until `leased_until` (then it returns to the pool unless reported
//! sent or failed through `POST /api/v1/events`); two workers never get the same touch. A due
//! touch the policy now blocks (a STOP, a new cap) is listed under `blocked`, not handed out.

use super::{ApiError, ApiJson, Caller, ErrorBody};
use app::domain::{new_touch::parse_instant, wire_schema::Instant, Channel};
use app::state::AppState;
use app::store::touches::{lease_due, LeaseRequest, Leased};
use axum::{extract::State, Json};
use chrono::{TimeDelta, Utc};
use serde::Deserialize;
use utoipa::ToSchema;

/// What a worker asks for.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LeaseBody {
    /// The channel the worker sends on.
    #[schema(value_type = Channel, example = "email")]
    pub channel: String,
    /// Touches due up to this instant (RFC 3339; default and at most: now).
    #[serde(default)]
    #[schema(value_type = Option<Instant>)]
    pub until: Option<String>,
    /// At most this many (1 to 500; default 50).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// How long the worker may take, in seconds (10 to 3 600; default 300).
    #[serde(default)]
    #[schema(minimum = 10, maximum = 3600)]
    pub lease_seconds: Option<i64>,
}

/// Leases due touches.
#[utoipa::path(post, path = "/api/v1/touches/lease", operation_id = "lease_touches", tag = "touches", request_body = LeaseBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Leased touches, and those held back", body = Object),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn lease(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<LeaseBody>,
) -> Result<Json<Leased>, ApiError> {
    let channel = Channel::parse(&body.channel).map_err(|e| ApiError::field("channel", e))?;
    let now = Utc::now();
    let until = body
        .until
        .as_deref()
        .map(|text| parse_instant("until", text))
        .transpose()?
        .unwrap_or(now);
    let limit = body.limit.unwrap_or(50);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::field("limit", "must be 1 to 500"));
    }
    let seconds = body.lease_seconds.unwrap_or(300);
    if !(10..=3600).contains(&seconds) {
        return Err(ApiError::field("lease_seconds", "must be 10 to 3600"));
    }
    let request = LeaseRequest {
        channel,
        until,
        limit,
        lease_for: TimeDelta::seconds(seconds),
        holder: caller.source(),
    };
    Ok(Json(lease_due(&state.pool, &request, now).await?))
}
