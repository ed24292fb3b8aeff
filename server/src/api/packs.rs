//! `GET /api/v1/rule-packs` (anyone) and `PATCH /api/v1/rule-packs/{id}` (admin): the built-in
//! rule packs, each with its rules and sources, switched on or off for the company.

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::domain::compliance::PackId;
use app::domain::Action;
use app::settings::packs::manage;
use app::settings::packs::overview::{pack_views, PackView};
use app::state::AppState;
use axum::{extract::State, Json};
use chrono::Utc;
use serde::Deserialize;
use utoipa::ToSchema;

/// A pack's switch.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PackSwitch {
    /// Whether the pack is on.
    pub enabled: bool,
}

/// Every pack, on or off, with its rules.
#[utoipa::path(get, path = "/api/v1/rule-packs", tag = "rules", security(("bearer" = [])),
    responses(
        (status = 200, description = "Every built-in pack", body = Vec<PackView>),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
) -> Result<Json<Vec<PackView>>, ApiError> {
    let rules = state.rules.get(&state.pool).await?;
    Ok(Json(pack_views(&rules.rule_packs)))
}

/// Switches one pack on or off for the whole company.
#[utoipa::path(patch, path = "/api/v1/rule-packs/{id}", tag = "rules",
    params(("id" = String, Path, description = "The pack: us, ca, fr or uk")),
    request_body = PackSwitch, security(("bearer" = [])),
    responses(
        (status = 200, description = "The pack as it is now", body = PackView),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such pack", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<PackSwitch>,
) -> Result<Json<PackView>, ApiError> {
    caller.require(Action::EditRules)?;
    let pack = PackId::parse(&id).map_err(|e| {
        ApiError::new(
            axum::http::StatusCode::NOT_FOUND,
            "not_found",
            e.to_string(),
        )
    })?;
    let on = manage::switch(&state, pack, body.enabled, caller.0.id, Utc::now()).await?;
    let view = pack_views(&on)
        .into_iter()
        .find(|v| v.id == pack.as_str())
        .ok_or_else(|| {
            ApiError::new(
                axum::http::StatusCode::NOT_FOUND,
                "not_found",
                format!("no pack {id}"),
            )
        })?;
    Ok(Json(view))
}
