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
#[utoipa::path(get, path = "/api/v1/rule-packs", operation_id = "list_rule_packs", tag = "rules", security(("bearer" = [])),
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
#[utoipa::path(patch, path = "/api/v1/rule-packs/{id}", operation_id = "switch_rule_pack", tag = "rules",
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

/// An edit of one pack rule.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PackRuleEditBody {
    /// Whether the rule runs (default true).
    #[serde(default)]
    pub enabled: Option<bool>,
    /// A cap's limit instead of the law's.
    #[schema(minimum = 1, maximum = 1000)]
    pub limit: Option<u32>,
    /// A quiet period's length in days instead of the law's.
    #[schema(minimum = 1, maximum = 3650)]
    pub days: Option<u32>,
}

/// The pack holding rule `key`, as it is now.
fn pack_of(
    on: &app::domain::compliance::RulePacks,
    id: &str,
    key: &str,
) -> Result<PackView, ApiError> {
    pack_views(on)
        .into_iter()
        .find(|v| v.id == id && v.rules.iter().any(|r| r.key == key))
        .ok_or_else(|| {
            ApiError::new(
                axum::http::StatusCode::NOT_FOUND,
                "not_found",
                format!("pack {id} has no rule {key}"),
            )
        })
}

/// Edits one rule of a pack: switched off, or a cap's limit or a quiet period's days. The
/// rule's view says what the law allows beside the edit, and warns when the edit is weaker.
#[utoipa::path(patch, path = "/api/v1/rule-packs/{id}/rules/{key}", tag = "rules",
    operation_id = "edit_pack_rule",
    params(("id" = String, Path, description = "The pack: us, ca, fr or uk"),
           ("key" = String, Path, description = "The rule's key, e.g. us-fl-cap")),
    request_body = PackRuleEditBody, security(("bearer" = [])),
    responses(
        (status = 200, description = "The pack as it is now", body = PackView),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such pack or rule", body = ErrorBody),
        (status = 409, description = "Changed by someone else meanwhile", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "A value the rule does not have", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn edit_rule(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, key)): ApiPath<(String, String)>,
    ApiJson(body): ApiJson<PackRuleEditBody>,
) -> Result<Json<PackView>, ApiError> {
    caller.require(Action::EditRules)?;
    pack_of(&Default::default(), &id, &key)?;
    let edit = app::domain::compliance::PackRuleEdit {
        enabled: body.enabled.unwrap_or(true),
        limit: body.limit,
        days: body.days,
    };
    let on = manage::edit_rule(&state, &key, Some(edit), caller.0.id, Utc::now()).await?;
    Ok(Json(pack_of(&on, &id, &key)?))
}

/// Sets one rule of a pack back to the law.
#[utoipa::path(delete, path = "/api/v1/rule-packs/{id}/rules/{key}", tag = "rules",
    operation_id = "reset_pack_rule",
    params(("id" = String, Path, description = "The pack: us, ca, fr or uk"),
           ("key" = String, Path, description = "The rule's key, e.g. us-fl-cap")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The pack as it is now", body = PackView),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such pack or rule", body = ErrorBody),
        (status = 409, description = "Changed by someone else meanwhile", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn reset_rule(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, key)): ApiPath<(String, String)>,
) -> Result<Json<PackView>, ApiError> {
    caller.require(Action::EditRules)?;
    pack_of(&Default::default(), &id, &key)?;
    let on = manage::edit_rule(&state, &key, None, caller.0.id, Utc::now()).await?;
    Ok(Json(pack_of(&on, &id, &key)?))
}
