//! `GET /api/v1/topics` (anyone) and `POST /api/v1/topics` (admin): the consent topics that
//! touches and contacts' consent name.

use super::{ApiError, ApiJson, Caller, ErrorBody};
use app::domain::consent::Topic;
use app::domain::{wire_schema::LabelText, Action};
use app::state::AppState;
use app::store::consent::topics::{self, TopicView};
use axum::{extract::State, http::StatusCode, Json};
use chrono::Utc;
use serde::Deserialize;
use utoipa::ToSchema;

/// A topic to add.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTopicBody {
    /// Its id: letters, digits and _, starting with a letter (kept in lower case).
    #[schema(value_type = Topic, example = "newsletter")]
    pub id: String,
    /// What people read: 1 to 100 characters once trimmed, no control characters.
    #[schema(value_type = LabelText, example = "Monthly newsletter")]
    pub name: String,
}

/// Every consent topic.
#[utoipa::path(get, path = "/api/v1/topics", tag = "contacts", operation_id = "list_topics",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every topic, by id", body = Vec<TopicView>),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
) -> Result<Json<Vec<TopicView>>, ApiError> {
    Ok(Json(topics::list(&state.pool).await?))
}

/// Adds a consent topic.
#[utoipa::path(post, path = "/api/v1/topics", tag = "contacts", operation_id = "create_topic",
    request_body = NewTopicBody, security(("bearer" = [])),
    responses(
        (status = 201, description = "Added", body = TopicView),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 409, description = "A topic with that id exists", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewTopicBody>,
) -> Result<(StatusCode, Json<TopicView>), ApiError> {
    caller.require(Action::EditRules)?;
    let id = Topic::parse(&body.id).map_err(|e| ApiError::field("id", e))?;
    let made = topics::create(&state.pool, &id, &body.name, caller.0.id, Utc::now()).await?;
    Ok((StatusCode::CREATED, Json(made)))
}
