//! Server function: create a user in a team, with the same checks as the command line and the
//! REST API.

use crate::error::AppError;
use leptos::prelude::*;

/// Creates a user; a refusal names the field.
#[server(prefix = "/api", endpoint = "create_user")]
pub async fn create_user(
    email: String,
    name: String,
    role: String,
    team_id: i64,
    password: String,
) -> Result<(), AppError> {
    use crate::auth::new_user::parse_user_fields;
    use crate::domain::{ids::TeamId, Action};
    use crate::store::users::{self, CreateUserError, NewUser, TeamRef};

    let (state, me) = crate::auth::require::allowed(Action::ManagePeople).await?;
    let fields = parse_user_fields(&email, &name, &role, &password)?;
    let password_hash = crate::auth::password::hash_off_runtime(password).await?;
    let new = NewUser {
        email: fields.email.clone(),
        name: fields.name,
        role: fields.role,
        team: TeamRef::Id(TeamId(team_id)),
        password_hash,
    };
    users::create_user(&state.pool, &new, Some(me.id), chrono::Utc::now())
        .await
        .map_err(|e| match e {
            CreateUserError::EmailTaken(_) => {
                AppError::Conflict(format!("a user with the email {} exists", fields.email))
            }
            CreateUserError::NoSuchTeam(team) => {
                AppError::Validation(format!("team: there is no team {team}"))
            }
            CreateUserError::Store(e) => e.log_as_internal(),
        })?;
    crate::ui::flash::kept::<CreateUser>(Ok(())).await
}
