//! `POST /api/v1/teams` (admin): create a team.

use super::{ApiError, ApiJson, Caller, ErrorBody};
use app::{
    domain::{label::parse_label, wire_schema::LabelText, Action},
    state::AppState,
};
use axum::{extract::State, http::StatusCode, Json};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A team to create.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTeamBody {
    /// The team's name, unique: 1 to 100 characters once trimmed, no control characters.
    #[schema(value_type = LabelText, example = "Boston store marketing")]
    pub name: String,
}

/// A team.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamBody {
    /// The team's id.
    pub id: i64,
    /// The team's name.
    pub name: String,
}

/// Creates a team.
#[utoipa::path(post, path = "/api/v1/teams", operation_id = "create_team", tag = "admin", request_body = NewTeamBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = TeamBody),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 409, description = "A team of that name exists", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewTeamBody>,
) -> Result<(StatusCode, Json<TeamBody>), ApiError> {
    caller.require(Action::ManagePeople)?;
    let name = parse_label("name", &body.name)?;
    let name = name.as_str();
    let id = app::store::teams::create(&state.pool, name, caller.0.id, Utc::now())
        .await?
        .ok_or_else(|| ApiError::conflict("conflict", format!("a team named {name:?} exists")))?;
    Ok((
        StatusCode::CREATED,
        Json(TeamBody {
            id: id.0,
            name: name.to_owned(),
        }),
    ))
}
