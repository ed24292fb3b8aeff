//! `POST /api/v1/tokens` (admin): issue an API token for a user; the token is shown once.
//! `DELETE /api/v1/tokens/{id}` (admin): revoke one.

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::{
    auth::token,
    domain::{
        ids::UserId,
        label::parse_label,
        new_touch::parse_instant,
        wire_schema::{Instant, LabelText},
        Action,
    },
    state::AppState,
};
use axum::{extract::State, http::StatusCode, Json};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A token to issue.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTokenBody {
    /// The user the token acts as (it must exist).
    pub user_id: i64,
    /// What the token is for, e.g. "email service": 1 to 100 characters once trimmed, no
    /// control characters.
    #[schema(value_type = LabelText, example = "email service")]
    pub label: String,
    /// When the token stops working (RFC 3339, in the future); none: until revoked.
    #[serde(default)]
    #[schema(value_type = Option<Instant>)]
    pub expires_at: Option<String>,
}

/// A newly issued token. Keep it: Concord stores only its digest.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedTokenBody {
    /// The token's id (for revoking it).
    pub id: i64,
    /// The bearer token, shown this once.
    pub token: String,
}

/// Issues a token.
#[utoipa::path(post, path = "/api/v1/tokens", operation_id = "create_token", tag = "admin", request_body = NewTokenBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Issued", body = IssuedTokenBody),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewTokenBody>,
) -> Result<(StatusCode, Json<IssuedTokenBody>), ApiError> {
    caller.require(Action::ManageTokens)?;
    let label = parse_label("label", &body.label)?;
    let label = label.as_str();
    let user = UserId(body.user_id);
    if app::store::users::current_user(&state.pool, user)
        .await?
        .is_none()
    {
        return Err(ApiError::field(
            "user_id",
            format!("there is no user {user}"),
        ));
    }
    let now = Utc::now();
    let expires_at = body
        .expires_at
        .as_deref()
        .map(|text| parse_instant("expires_at", text))
        .transpose()?;
    if expires_at.is_some_and(|at| at <= now) {
        return Err(ApiError::field("expires_at", "must be in the future"));
    }
    let (secret, digest) = token::generate();
    let id = app::store::tokens::create_expiring(
        &state.pool,
        user,
        label,
        &digest,
        expires_at,
        Some(caller.0.id),
        now,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(IssuedTokenBody { id, token: secret }),
    ))
}

/// Revokes a token: requests bearing it get 401 from the next one on.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", operation_id = "revoke_token", tag = "admin",
    params(("id" = i64, Path, description = "The token's id")), security(("bearer" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No live token with that id", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn revoke(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::ManageTokens)?;
    if app::store::tokens::revoke(&state.pool, id, Some(caller.0.id), Utc::now()).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("there is no live token {id}"),
        ))
    }
}
