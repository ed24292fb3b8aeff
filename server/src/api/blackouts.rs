//! `GET /api/v1/blackouts` (anyone), `POST /api/v1/blackouts` and
//! `DELETE /api/v1/blackouts/{date}` (admin): the company's blackout dates, enforced by the
//! `holiday` rule.

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::domain::compliance::Blackout;
use app::domain::Action;
use app::settings::blackouts::manage;
use app::state::AppState;
use axum::{extract::State, http::StatusCode, Json};
use chrono::{NaiveDate, Utc};

/// Every blackout date, by date.
#[utoipa::path(get, path = "/api/v1/blackouts", tag = "rules", operation_id = "list_blackouts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every blackout date", body = Vec<Blackout>),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
) -> Result<Json<Vec<Blackout>>, ApiError> {
    let rules = state.rules.get(&state.pool).await?;
    Ok(Json(rules.blackouts.days.clone()))
}

/// Closes a day (today or later) to every channel and team, or to those named.
#[utoipa::path(post, path = "/api/v1/blackouts", tag = "rules", operation_id = "create_blackout",
    request_body = Blackout, security(("bearer" = [])),
    responses(
        (status = 201, description = "Closed", body = Blackout),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 409, description = "Changed by someone else meanwhile", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "No name, a past day, an unknown team, or too many dates", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<Blackout>,
) -> Result<(StatusCode, Json<Blackout>), ApiError> {
    caller.require(Action::EditRules)?;
    let mut kept = body.clone();
    kept.name = kept.name.trim().to_owned();
    manage::add(&state, body, caller.0.id, Utc::now()).await?;
    Ok((StatusCode::CREATED, Json(kept)))
}

/// Opens a day again: removes every blackout on it.
#[utoipa::path(delete, path = "/api/v1/blackouts/{date}", tag = "rules",
    operation_id = "delete_blackouts_on",
    params(("date" = String, Path, format = Date, description = "The day, YYYY-MM-DD")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Open again"),
        (status = 400, description = "Malformed date", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No blackout on that day", body = ErrorBody),
        (status = 409, description = "Changed by someone else meanwhile", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(date): ApiPath<NaiveDate>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditRules)?;
    manage::remove(&state, date, None, caller.0.id, Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
