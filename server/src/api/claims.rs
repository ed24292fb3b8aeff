//! `POST` and `DELETE /api/v1/contacts/{id}/claim`: a rep claims a contact (a claim on an owned
//! contact is filed as a request for the managers) or lets it go.

use super::{ApiError, ApiPath, Caller, ErrorBody};
use app::{
    domain::{ids::ContactId, ClaimError},
    state::AppState,
    store::{claims, Failure},
};
use axum::{extract::State, http::StatusCode, Json};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// A granted claim.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimBody {
    /// The owner.
    owner_id: i64,
    /// When the claim lapses unless the owner does outbound work.
    expires_at: DateTime<Utc>,
}

/// Claims a contact.
#[utoipa::path(post, path = "/api/v1/contacts/{id}/claim", operation_id = "claim_contact", tag = "ownership",
    params(("id" = i64, Path, description = "The contact's id")), security(("bearer" = [])),
    responses(
        (status = 201, description = "Claimed", body = ClaimBody),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Only reps and managers claim", body = ErrorBody),
        (status = 404, description = "No such contact", body = ErrorBody),
        (status = 409, description = "already_owned: a claim request was filed", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn claim(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<(StatusCode, Json<ClaimBody>), ApiError> {
    let granted = claims::claim(
        &state.pool,
        ContactId(id),
        caller.0.id,
        caller.0.role,
        Utc::now(),
    )
    .await
    .map_err(|failure| match failure {
        Failure::Refused(refusal @ ClaimError::AlreadyOwned { .. }) => {
            ApiError::conflict("already_owned", refusal.to_string())
        }
        other => other.into(),
    })?;
    Ok((
        StatusCode::CREATED,
        Json(ClaimBody {
            owner_id: granted.owner_id.0,
            expires_at: granted.expires_at,
        }),
    ))
}

/// Releases a claim (its owner or a manager).
#[utoipa::path(delete, path = "/api/v1/contacts/{id}/claim", operation_id = "release_contact", tag = "ownership",
    params(("id" = i64, Path, description = "The contact's id")), security(("bearer" = [])),
    responses(
        (status = 204, description = "Released"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not the owner or a manager", body = ErrorBody),
        (status = 404, description = "No such contact", body = ErrorBody),
        (status = 409, description = "Not owned", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn release(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    claims::release(
        &state.pool,
        ContactId(id),
        caller.0.id,
        caller.0.role,
        Utc::now(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
