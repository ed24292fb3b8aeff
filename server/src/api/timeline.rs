//! `GET /api/v1/contacts/{id}/timeline?from=&to=`: a contact's touches, interactions and alerts.

use super::{ApiError, ApiPath, ApiQuery, Caller, ErrorBody};
use app::{
    domain::{ids::ContactId, new_touch::parse_instant, wire_schema::Instant},
    records::Owner,
    state::AppState,
    store::timeline::{self, Timeline},
};
use axum::{extract::State, http::StatusCode, Json};
use chrono::{TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The range shown; both default to 30 days either side of now.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Range {
    /// Start (RFC 3339), inclusive; default 30 days ago.
    #[param(value_type = Option<Instant>, inline)]
    from: Option<String>,
    /// End (RFC 3339), exclusive: after `from` and at most 400 days later; default 30 days
    /// from now.
    #[param(value_type = Option<Instant>, inline)]
    to: Option<String>,
}

/// The timeline with the owner alongside the contact.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineBody {
    #[serde(flatten)]
    timeline: Timeline,
    /// The live owner, if any (also inside `contact`).
    owner: Option<Owner>,
}

/// A contact's timeline.
#[utoipa::path(get, path = "/api/v1/contacts/{id}/timeline", operation_id = "get_timeline", tag = "contacts",
    params(("id" = i64, Path, description = "The contact's id"), Range),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The timeline", body = TimelineBody),
        (status = 400, description = "Malformed id or query", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 404, description = "No such contact", body = ErrorBody),
        (status = 422, description = "A bad instant", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn get(
    State(state): State<AppState>,
    _caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(range): ApiQuery<Range>,
) -> Result<Json<TimelineBody>, ApiError> {
    let now = Utc::now();
    let from = match &range.from {
        Some(text) => parse_instant("from", text)?,
        None => now - TimeDelta::days(30),
    };
    let to = match &range.to {
        Some(text) => parse_instant("to", text)?,
        None => now + TimeDelta::days(30),
    };
    if to <= from || to - from > TimeDelta::days(400) {
        return Err(ApiError::field(
            "to",
            "must be after from, at most 400 days later",
        ));
    }
    let timeline = timeline::timeline(&state.pool, ContactId(id), from, to, now)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such contact"))?;
    let owner = timeline.contact.owner.clone();
    Ok(Json(TimelineBody { timeline, owner }))
}
