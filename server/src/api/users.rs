//! `POST /api/v1/users` (admin): create a user in a team. The password is never answered.

use super::{ApiError, ApiJson, Caller, ErrorBody};
use app::{
    auth::{
        new_user::{parse_user_fields, UserFields},
        password,
    },
    domain::{ids::TeamId, Action},
    state::AppState,
    store::users::{self, CreateUserError, NewUser, TeamRef},
};
use axum::{extract::State, http::StatusCode, Json};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A user to create.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserBody {
    /// The address they sign in with.
    #[schema(example = "riley@example.com", format = Email)]
    pub email: String,
    /// Display name.
    #[schema(min_length = 1, pattern = r"\S")]
    pub name: String,
    /// One of marketer, rep, manager, admin.
    #[schema(example = "rep", pattern = "^(marketer|rep|manager|admin)$")]
    pub role: String,
    /// Their team.
    pub team_id: i64,
    /// At least 10 characters; stored as an argon2 hash.
    #[schema(min_length = 10)]
    pub password: String,
}

/// A user (never with a password).
#[derive(Debug, Serialize, ToSchema)]
pub struct UserBody {
    /// The user's id.
    pub id: i64,
    /// The address they sign in with (lower case).
    pub email: String,
    /// Display name.
    pub name: String,
    /// Their role.
    pub role: String,
    /// Their team.
    pub team_id: i64,
}

/// Creates a user.
#[utoipa::path(post, path = "/api/v1/users", tag = "admin", request_body = NewUserBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = UserBody),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 409, description = "The email is taken", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewUserBody>,
) -> Result<(StatusCode, Json<UserBody>), ApiError> {
    caller.require(Action::ManagePeople)?;
    let UserFields { email, name, role } =
        parse_user_fields(&body.email, &body.name, &body.role, &body.password)?;
    let password_hash = password::hash_off_runtime(body.password).await?;
    let new = NewUser {
        email: email.clone(),
        name: name.clone(),
        role,
        team: TeamRef::Id(TeamId(body.team_id)),
        password_hash,
    };
    let id = users::create_user(&state.pool, &new, Utc::now())
        .await
        .map_err(|e| match e {
            CreateUserError::EmailTaken(_) => {
                ApiError::conflict("conflict", format!("a user with the email {email} exists"))
            }
            CreateUserError::NoSuchTeam(team) => {
                ApiError::field("team_id", format!("there is no team {team}"))
            }
            CreateUserError::Store(e) => e.into(),
        })?;
    Ok((
        StatusCode::CREATED,
        Json(UserBody {
            id: id.0,
            email,
            name,
            role: role.as_str().to_owned(),
            team_id: body.team_id,
        }),
    ))
}
