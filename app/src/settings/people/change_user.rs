//! Server function: change a user's role or team.

use crate::error::AppError;
use leptos::prelude::*;

/// Sets the role and team of `user_id`. Admins may not change their own role, so the last
/// admin cannot lock everyone out of the settings.
#[server(prefix = "/api", endpoint = "change_user")]
pub async fn change_user(user_id: i64, role: String, team_id: i64) -> Result<(), AppError> {
    use crate::domain::{
        ids::{TeamId, UserId},
        role::Role,
        Action,
    };
    use crate::store::directory::{self, ChangeUserError};

    let (state, me) = crate::auth::require::allowed(Action::ManagePeople).await?;
    let role: Role = role
        .parse()
        .map_err(|e| AppError::Validation(format!("role: {e}")))?;
    super::account::check_own(&me, UserId(user_id), Some(role), None)?;
    let changed = directory::change_user(
        &state.pool,
        UserId(user_id),
        role,
        TeamId(team_id),
        me.id,
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| match e {
        ChangeUserError::NoSuchUser(_) => AppError::NotFound(e.to_string()),
        ChangeUserError::NoSuchTeam(_) => AppError::Validation(format!("team: {e}")),
        ChangeUserError::Store(s) => s.log_as_internal(),
    });
    crate::ui::flash::kept::<ChangeUser>(changed).await
}
