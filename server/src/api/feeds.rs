//! `POST/GET /api/v1/me/feeds`, `DELETE /api/v1/me/feeds/{id}`: the calling user's calendar
//! feeds. The feed token appears only in the URL answered at creation.

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::{domain::wire_schema::LabelText, settings::feeds::issue, state::AppState};
use axum::{
    extract::State,
    http::{header, HeaderMap, StatusCode},
    Json,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A feed to make.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFeedBody {
    /// What it is for (default "calendar"): 1 to 100 characters once trimmed, no control
    /// characters.
    #[schema(value_type = Option<LabelText>, example = "phone calendar")]
    pub label: Option<String>,
}

/// A feed just made.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedFeedBody {
    /// The feed's id.
    pub id: i64,
    /// Its label.
    pub label: String,
    /// The URL to subscribe to; it carries the feed token, shown only here.
    pub url: String,
}

/// A live feed (never its token).
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedBody {
    /// The feed's id.
    pub id: i64,
    /// Its label.
    pub label: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When a calendar last fetched it, to the hour.
    pub last_used_at: Option<DateTime<Utc>>,
}

/// Makes a calendar feed for the caller.
#[utoipa::path(post, path = "/api/v1/me/feeds", operation_id = "create_feed", tag = "feeds", request_body = NewFeedBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Made; the URL is shown only now", body = IssuedFeedBody),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewFeedBody>,
) -> Result<(StatusCode, Json<IssuedFeedBody>), ApiError> {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin = issue::origin(&state, host);
    let feed = issue::issue(
        &state,
        caller.0.id,
        body.label.as_deref(),
        &origin,
        Utc::now(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(IssuedFeedBody {
            id: feed.id,
            label: feed.label,
            url: feed.url,
        }),
    ))
}

/// The caller's live feeds, newest first.
#[utoipa::path(get, path = "/api/v1/me/feeds", operation_id = "list_feeds", tag = "feeds", security(("bearer" = [])),
    responses(
        (status = 200, description = "The feeds", body = Vec<FeedBody>),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<FeedBody>>, ApiError> {
    let feeds = app::store::feeds::list(&state.pool, caller.0.id).await?;
    Ok(Json(
        feeds
            .into_iter()
            .map(|f| FeedBody {
                id: f.id,
                label: f.label,
                created_at: f.created_at,
                last_used_at: f.last_used_at,
            })
            .collect(),
    ))
}

/// Revokes one of the caller's feeds.
#[utoipa::path(delete, path = "/api/v1/me/feeds/{id}", operation_id = "revoke_feed", tag = "feeds",
    params(("id" = i64, Path, description = "The feed's id")), security(("bearer" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 404, description = "No live feed of yours with that id", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn revoke(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    if app::store::feeds::revoke(&state.pool, caller.0.id, id, Utc::now()).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("you have no live feed {id}"),
        ))
    }
}
