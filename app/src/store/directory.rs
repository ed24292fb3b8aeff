//! Teams and users as the settings page lists them, and an admin's change of a user's role or
//! team (audited).

use super::audit::{self, AuditEntry};
use super::tx::begin_write;
use super::StoreError;
use crate::domain::{
    ids::{TeamId, UserId},
    role::Role,
};
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Db;

/// A team and how many users it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamRow {
    /// The team's id.
    pub id: TeamId,
    /// Its unique name.
    pub name: String,
    /// How many users belong to it.
    pub members: i64,
}

/// A user as listed for admins (never the password hash).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRow {
    /// The user's id.
    pub id: UserId,
    /// Display name.
    pub name: String,
    /// Sign-in address.
    pub email: String,
    /// Role name as stored.
    pub role: String,
    /// Their team.
    pub team_id: TeamId,
    /// The team's name.
    pub team: String,
    /// The zone they read times in.
    pub timezone: String,
    /// Disabled: cannot sign in; tokens and feeds stop.
    pub disabled: bool,
}

/// Every team by name, with its member count.
pub async fn teams(pool: &Db) -> Result<Vec<TeamRow>, StoreError> {
    let rows = db::query_as::<(i64, String, i64)>(
        "SELECT t.id, t.name, COUNT(u.id) FROM teams t LEFT JOIN users u ON u.team_id = t.id
         GROUP BY t.id, t.name ORDER BY t.name",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, members)| TeamRow {
            id: TeamId(id),
            name,
            members,
        })
        .collect())
}

/// The columns of a [`UserRow`].
const USER_SQL: &str =
    "SELECT u.id, u.name, u.email, u.role, t.id, t.name, u.timezone, u.disabled_at IS NOT NULL
     FROM users u JOIN teams t ON t.id = u.team_id";

type UserTuple = (i64, String, String, String, i64, String, String, bool);

fn user_row((id, name, email, role, team_id, team, timezone, disabled): UserTuple) -> UserRow {
    UserRow {
        id: UserId(id),
        name,
        email,
        role,
        team_id: TeamId(team_id),
        team,
        timezone,
        disabled,
    }
}

/// Every user by name.
pub async fn users(pool: &Db) -> Result<Vec<UserRow>, StoreError> {
    let rows = db::query_as::<UserTuple>(&format!("{USER_SQL} ORDER BY u.name, u.id"))
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(user_row).collect())
}

/// One user, if they exist.
pub async fn user(pool: &Db, id: UserId) -> Result<Option<UserRow>, StoreError> {
    let row = db::query_as::<UserTuple>(&format!("{USER_SQL} WHERE u.id = ?"))
        .bind(id.0)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(user_row))
}

/// Why a user's role or team could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum ChangeUserError {
    /// No such user.
    #[error("there is no user {0}")]
    NoSuchUser(UserId),
    /// No such team.
    #[error("there is no team {0}")]
    NoSuchTeam(TeamId),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Sets a user's role and team, with an audit row, in one transaction.
pub async fn change_user(
    pool: &Db,
    user: UserId,
    role: Role,
    team: TeamId,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<(), ChangeUserError> {
    let mut tx = begin_write(pool).await?;
    let team_exists = db::query_scalar::<i64>("SELECT id FROM teams WHERE id = ?")
        .bind(team.0)
        .fetch_optional(&mut tx)
        .await
        .map_err(StoreError::from)?;
    if team_exists.is_none() {
        return Err(ChangeUserError::NoSuchTeam(team));
    }
    let done = db::query("UPDATE users SET role = ?, team_id = ? WHERE id = ?")
        .bind(role.as_str())
        .bind(team.0)
        .bind(user.0)
        .execute(&mut tx)
        .await
        .map_err(StoreError::from)?;
    if done.rows_affected() != 1 {
        return Err(ChangeUserError::NoSuchUser(user));
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "user.changed",
        subject_type: "user",
        subject_id: Some(user.0),
        contact: None,
        details: serde_json::json!({"role": role.as_str(), "team_id": team.0}),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

/// Renames a user, with an audit row; answers whether the user exists.
pub async fn rename_user(
    pool: &Db,
    user: UserId,
    name: &str,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut tx = begin_write(pool).await?;
    let done = db::query("UPDATE users SET name = ? WHERE id = ?")
        .bind(name)
        .bind(user.0)
        .execute(&mut tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "user.renamed",
        subject_type: "user",
        subject_id: Some(user.0),
        contact: None,
        details: serde_json::json!({ "name": name }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(true)
}
