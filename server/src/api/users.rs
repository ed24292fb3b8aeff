//! `POST /api/v1/users`, `GET /api/v1/users`, `PATCH /api/v1/users/{id}` (admin): create,
//! list and change users (name, role, team, password, disabled). A password is never answered.

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::{
    auth::{
        new_user::{parse_user_fields, UserFields},
        password,
    },
    domain::{ids::TeamId, role::Role, wire_schema::NonBlankText, Action, EmailAddress},
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
    /// The address they sign in with (unique).
    #[schema(value_type = EmailAddress, example = "riley@example.com")]
    pub email: String,
    /// Display name (not blank).
    #[schema(value_type = NonBlankText)]
    pub name: String,
    /// One of marketer, rep, manager, admin.
    #[schema(value_type = Role, example = "rep")]
    pub role: String,
    /// Their team (it must exist).
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
    /// Disabled: cannot sign in; tokens and feeds stop.
    pub disabled: bool,
}

/// Creates a user.
#[utoipa::path(post, path = "/api/v1/users", operation_id = "create_user", tag = "admin", request_body = NewUserBody,
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
    let id = users::create_user(&state.pool, &new, Some(caller.0.id), Utc::now())
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
            disabled: false,
        }),
    ))
}

/// A change to a user: only the fields sent change.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserChangeBody {
    /// New display name (not blank).
    #[schema(value_type = Option<NonBlankText>)]
    pub name: Option<String>,
    /// New role (not for your own user: an admin keeps their role).
    #[schema(value_type = Option<Role>, example = "manager")]
    pub role: Option<String>,
    /// New team (it must exist).
    pub team_id: Option<i64>,
    /// `true` disables the user (sessions end, tokens and feeds stop; not yourself), `false`
    /// enables them again.
    pub disabled: Option<bool>,
    /// A new password (at least 10 characters); the user's sessions end.
    #[schema(min_length = 10)]
    pub password: Option<String>,
}

/// Every user, by name.
#[utoipa::path(get, path = "/api/v1/users", operation_id = "list_users", tag = "admin", security(("bearer" = [])),
    responses(
        (status = 200, description = "The users", body = Vec<UserBody>),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<UserBody>>, ApiError> {
    caller.require(Action::ManagePeople)?;
    let users = app::store::directory::users(&state.pool).await?;
    Ok(Json(users.into_iter().map(body_of).collect()))
}

fn body_of(u: app::store::directory::UserRow) -> UserBody {
    UserBody {
        id: u.id.0,
        email: u.email,
        name: u.name,
        role: u.role,
        team_id: u.team_id.0,
        disabled: u.disabled,
    }
}

/// Changes a user's name, role, team, password, or disables or enables them.
#[utoipa::path(patch, path = "/api/v1/users/{id}", operation_id = "update_user", tag = "admin", request_body = UserChangeBody,
    params(("id" = i64, Path, description = "The user's id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The changed user", body = UserBody),
        (status = 400, description = "Malformed JSON or id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(change): ApiJson<UserChangeBody>,
) -> Result<Json<UserBody>, ApiError> {
    use app::domain::ids::UserId;
    use app::settings::people::account;
    caller.require(Action::ManagePeople)?;
    let me = &caller.0;
    let user = UserId(id);
    let missing = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("there is no user {user}"),
        )
    };
    let current = app::store::directory::user(&state.pool, user)
        .await?
        .ok_or_else(missing)?;
    // Everything is checked before anything is written.
    let name = change
        .name
        .as_deref()
        .map(|n| match n.trim() {
            "" => Err(ApiError::field("name", "must not be empty")),
            n => Ok(n.to_owned()),
        })
        .transpose()?;
    let role = change
        .role
        .as_deref()
        .map(|r| r.parse::<Role>().map_err(|e| ApiError::field("role", e)))
        .transpose()?;
    if let Some(password) = &change.password {
        app::auth::new_user::check_password("password", password)?;
    }
    account::check_own(me, user, role, change.disabled)?;
    let now = Utc::now();
    if role.is_some() || change.team_id.is_some() {
        let current_role: Role = current
            .role
            .parse()
            .map_err(|_| ApiError::from(app::error::AppError::Internal))?;
        app::store::directory::change_user(
            &state.pool,
            user,
            role.unwrap_or(current_role),
            TeamId(change.team_id.unwrap_or(current.team_id.0)),
            me.id,
            now,
        )
        .await
        .map_err(|e| match e {
            app::store::directory::ChangeUserError::NoSuchUser(_) => {
                ApiError::new(StatusCode::NOT_FOUND, "not_found", e.to_string())
            }
            app::store::directory::ChangeUserError::NoSuchTeam(_) => ApiError::field("team_id", e),
            app::store::directory::ChangeUserError::Store(s) => s.into(),
        })?;
    }
    if let Some(name) = name {
        app::store::directory::rename_user(&state.pool, user, &name, me.id, now).await?;
    }
    if let Some(password) = change.password {
        account::reset_password(&state, me, user, password).await?;
    }
    if let Some(disabled) = change.disabled {
        account::set_disabled(&state, me, user, disabled).await?;
    }
    let changed = app::store::directory::user(&state.pool, user)
        .await?
        .ok_or_else(missing)?;
    Ok(Json(body_of(changed)))
}
