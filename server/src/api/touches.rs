//! `POST /api/v1/touches` (plan one, or `?dry_run=true` to only check it), `POST
//! /api/v1/touches/log` (one that already happened), `PATCH
//! /api/v1/touches/{id}` (reschedule or cancel) and `GET /api/v1/touches` (a range).

use super::{ApiError, ApiJson, ApiPath, ApiQuery, Caller, ErrorBody};
use app::{
    domain::{
        ids::{TeamId, TouchId, UserId},
        new_touch::parse_instant,
        wire_schema::Instant,
        Channel, Conflict, NewTouch, TouchInput, TouchStatus,
    },
    records::TouchRecord,
    state::AppState,
    store::touches::{self, TouchFilter},
};
use axum::{extract::State, http::StatusCode, Json};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// `?dry_run=true` checks the touch and stores nothing.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DryRun {
    /// Only check; store nothing and answer `next_allowed_at` too.
    #[serde(default)]
    dry_run: bool,
}

/// A planned touch and what the policy said about it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlannedBody {
    /// The stored touch: `planned`, or `pending_review` when a conflict blocks.
    touch: TouchRecord,
    /// Every conflict, blocks first.
    conflicts: Vec<Conflict>,
}

/// What planning the touch would do, stored nowhere.
#[derive(Debug, Serialize, ToSchema)]
pub struct DryRunBody {
    /// The touch as it would be stored (no id yet).
    touch: DryRunTouch,
    /// Every conflict, blocks first.
    conflicts: Vec<Conflict>,
    /// The earliest instant (within 14 days) at which it would have no block conflict.
    next_allowed_at: Option<DateTime<Utc>>,
}

/// The status a touch would get.
#[derive(Debug, Serialize, ToSchema)]
pub struct DryRunTouch {
    /// `planned` or `pending_review`.
    status: TouchStatus,
    /// When it was asked for.
    scheduled_at: DateTime<Utc>,
}

/// Plans a touch (or only checks it, with `dry_run`).
#[utoipa::path(post, path = "/api/v1/touches", operation_id = "plan_touch", tag = "touches", request_body = TouchInput,
    params(DryRun), security(("bearer" = [])),
    responses(
        (status = 201, description = "Planned (or pending review)", body = PlannedBody),
        (status = 200, description = "Dry run: nothing stored", body = DryRunBody),
        (status = 400, description = "Malformed JSON or query", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Another team's name, for a rep or marketer", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<DryRun>,
    ApiJson(input): ApiJson<TouchInput>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let touch = NewTouch::parse(&input, &caller.0.actor())?;
    let now = Utc::now();
    let rules = state.rules.get(&state.pool).await?;
    if query.dry_run {
        let checked = touches::dry_run(&state.reader, &rules, &touch, now, None).await?;
        let body = DryRunBody {
            touch: DryRunTouch {
                status: checked.status(),
                scheduled_at: touch.proposed.scheduled_at,
            },
            conflicts: checked.conflicts,
            next_allowed_at: checked.next_allowed_at,
        };
        return Ok(Json(body).into_response());
    }
    let scheduled = touches::schedule(&state.pool, &rules, &touch, now).await?;
    let body = PlannedBody {
        touch: scheduled.touch,
        conflicts: scheduled.conflicts,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Logs a touch that already happened.
#[utoipa::path(post, path = "/api/v1/touches/log", operation_id = "log_touch", tag = "touches", request_body = TouchInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Logged: stored as sent at its time, with the conflicts it had", body = PlannedBody),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Another team's name, for a rep or marketer", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation, or a time in the future", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn log(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<TouchInput>,
) -> Result<(StatusCode, Json<PlannedBody>), ApiError> {
    let touch = NewTouch::parse(&input, &caller.0.actor())?;
    let rules = state.rules.get(&state.pool).await?;
    let logged = touches::log(&state.pool, &rules, &touch, Utc::now()).await?;
    let body = PlannedBody {
        touch: logged.touch,
        conflicts: logged.conflicts,
    };
    Ok((StatusCode::CREATED, Json(body)))
}

/// A change to a touch: a new time, or `status: "cancelled"`, at the version last read. Its
/// OpenAPI schema is written out in `touch_change.rs`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TouchChangeBody {
    /// The new time (RFC 3339); re-checked by the policy.
    scheduled_at: Option<String>,
    /// Only `cancelled`.
    status: Option<String>,
    /// The version last read; a stale one is refused with 409.
    version: i64,
}

/// Reschedules or cancels a touch.
#[utoipa::path(patch, path = "/api/v1/touches/{id}", operation_id = "update_touch", tag = "touches", request_body = TouchChangeBody,
    params(("id" = i64, Path, description = "The touch's id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The changed touch and its conflicts", body = PlannedBody),
        (status = 400, description = "Malformed JSON or id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Someone else's touch, for a rep or marketer", body = ErrorBody),
        (status = 404, description = "No such touch", body = ErrorBody),
        (status = 409, description = "Stale version, or a final touch", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(change): ApiJson<TouchChangeBody>,
) -> Result<Json<PlannedBody>, ApiError> {
    let (id, now, actor) = (TouchId(id), Utc::now(), caller.0.actor());
    match (&change.scheduled_at, change.status.as_deref()) {
        (None, Some("cancelled")) => {
            let touch = touches::cancel(&state.pool, id, change.version, actor, now).await?;
            Ok(Json(PlannedBody {
                touch,
                conflicts: Vec::new(),
            }))
        }
        (Some(at), None) => {
            let at = parse_instant("scheduled_at", at)?;
            let moved =
                touches::reschedule(&state.pool, id, change.version, at, actor, now).await?;
            Ok(Json(PlannedBody {
                touch: moved.touch,
                conflicts: moved.conflicts,
            }))
        }
        (None, Some(_)) => Err(ApiError::field(
            "status",
            "the only status to set is cancelled",
        )),
        _ => Err(ApiError::field(
            "scheduled_at",
            "send either scheduled_at or status",
        )),
    }
}

/// The range and filters of a listing.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Start (RFC 3339), inclusive; default now.
    #[param(value_type = Option<Instant>, inline)]
    from: Option<String>,
    /// End (RFC 3339), exclusive, after `from`; default 31 days after `from`.
    #[param(value_type = Option<Instant>, inline)]
    to: Option<String>,
    /// Only this team.
    team_id: Option<i64>,
    /// Only this channel.
    #[param(value_type = Option<Channel>, inline)]
    channel: Option<String>,
    /// Only this status.
    #[param(value_type = Option<TouchStatus>, inline)]
    status: Option<String>,
    /// Only touches to contacts this user owns.
    owner_id: Option<i64>,
}

/// The most touches one listing answers.
const LIST_LIMIT: u32 = 5_000;

/// Touches in a range, earliest first (at most 5 000).
#[utoipa::path(get, path = "/api/v1/touches", operation_id = "list_touches", tag = "touches", params(ListQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The touches", body = Vec<TouchRecord>),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 422, description = "A bad filter", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<Vec<TouchRecord>>, ApiError> {
    let from = match &query.from {
        Some(text) => parse_instant("from", text)?,
        None => Utc::now(),
    };
    let to = match &query.to {
        Some(text) => parse_instant("to", text)?,
        None => from + TimeDelta::days(31),
    };
    if to <= from {
        return Err(ApiError::field("to", "must be after from"));
    }
    let filter = TouchFilter {
        from,
        to,
        team: query.team_id.map(TeamId),
        channel: query
            .channel
            .as_deref()
            .map(Channel::parse)
            .transpose()
            .map_err(|e| ApiError::field("channel", e))?,
        status: query
            .status
            .as_deref()
            .map(TouchStatus::parse)
            .transpose()
            .map_err(|e| ApiError::field("status", e))?,
        owner: query.owner_id.map(UserId),
        limit: LIST_LIMIT,
    };
    Ok(Json(touches::list_touches(&state.pool, &filter).await?))
}
