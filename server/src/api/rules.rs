//! `GET /api/v1/rules` (anyone) and `PUT /api/v1/rules/{id}` (admin): the contact policy as
//! data, each rule with its version, saved one at a time (409 on a stale version).

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::{domain::Action, state::AppState, store::rules};
use axum::{extract::State, Json};
use chrono::Utc;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// Every rule, alert and setting by id: its entry as stored (`enabled`, `severity`, `params`;
/// settings keep their fields at the top) plus its `version`.
#[derive(Debug, Serialize, ToSchema)]
pub struct RulesBody {
    /// Entries by rule id.
    #[schema(value_type = Object)]
    pub rules: BTreeMap<String, Value>,
}

/// Documents the rule ids `PUT /api/v1/rules/{id}` takes: the entries of the rule set.
pub struct RuleEntryId;

impl PartialSchema for RuleEntryId {
    fn schema() -> RefOr<Schema> {
        let ids = app::domain::Rules::default()
            .entries()
            .into_iter()
            .map(|(id, _)| id);
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(ids))
            .description(Some("A rule, alert or setting of the rule set."))
            .into()
    }
}

impl ToSchema for RuleEntryId {}

/// Documents the body of `PUT /api/v1/rules/{id}`: the handler reads any JSON object and takes
/// `version` out of it; the rest must be the entry of the rule in the path.
pub struct RuleEntryBody;

impl PartialSchema for RuleEntryBody {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .property(
                "version",
                app::domain::wire_schema::version(
                    "The version last read (`GET /api/v1/rules`); a stale one is refused with 409.",
                ),
            )
            .required("version")
            .description(Some(
                "The rule's entry as `GET /api/v1/rules` shows it for the id in the path, with \
                 the `version` last read, e.g. {\"enabled\": true, \"severity\": \"block\", \
                 \"params\": {\"limit\": 2, \"window\": \"24h\"}, \"version\": 3}. Each \
                 rule has params of its own (spans written like `4h`, `7d`); settings keep their \
                 fields at the top.",
            ))
            .into()
    }
}

impl ToSchema for RuleEntryBody {}

fn with_version(entry: Value, version: i64) -> Value {
    let mut object = match entry {
        Value::Object(object) => object,
        other => Map::from_iter([("value".to_owned(), other)]),
    };
    object.insert("version".to_owned(), Value::from(version));
    Value::Object(object)
}

/// The rules with their versions.
#[utoipa::path(get, path = "/api/v1/rules", operation_id = "list_rules", tag = "rules", security(("bearer" = [])),
    responses(
        (status = 200, description = "Every rule with its version", body = RulesBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
) -> Result<Json<RulesBody>, ApiError> {
    let current = rules::current_rules(&state.pool).await?;
    let versions = rules::rule_versions(&state.pool).await?;
    let rules = current
        .entries()
        .into_iter()
        .map(|(id, entry)| {
            let version = versions.get(&id).copied().unwrap_or(0);
            (id, with_version(entry, version))
        })
        .collect();
    Ok(Json(RulesBody { rules }))
}

/// Saves one rule: its entry (as `GET` shows it) with the `version` last read.
#[utoipa::path(put, path = "/api/v1/rules/{id}", operation_id = "save_rule", tag = "rules",
    params(("id" = inline(RuleEntryId), Path, description = "The rule's id, e.g. daily_cap")),
    request_body = RuleEntryBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The saved rule with its new version", body = Object),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such rule", body = ErrorBody),
        (status = 409, description = "Stale version", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn put(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<Value>, ApiError> {
    caller.require(Action::EditRules)?;
    let Value::Object(mut entry) = body else {
        return Err(ApiError::field(
            "body",
            "send the rule's entry as a JSON object",
        ));
    };
    let version = entry
        .remove("version")
        .and_then(|v| v.as_i64())
        .ok_or_else(|| ApiError::field("version", "send the version last read (an integer)"))?;
    let entry = Value::Object(entry);
    let saved = state
        .rules
        .save_one(&state.pool, &id, entry.clone(), version, caller.0.id, Utc::now())
        .await
        .map_err(|failure| match failure {
            app::store::Failure::Refused(rules::RuleSaveError::Stale { current }) => ApiError::conflict(
                "stale_version",
                format!("the rule was changed by someone else (now at version {current}); read it again"),
            ),
            other => ApiError::from(other),
        })?;
    Ok(Json(with_version(entry, saved)))
}
