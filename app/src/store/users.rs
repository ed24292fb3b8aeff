//! Users and teams: creating them, finding them to sign in, and reading the signed-in user.

use super::StoreError;
use crate::store::db;
use crate::{
    auth::CurrentUser,
    domain::{
        ids::{TeamId, UserId},
        role::Role,
        TimeZone,
    },
};
use chrono::{DateTime, Utc};
use db::Db;

/// A user to create; the password is already hashed.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Lower-cased sign-in address.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Their one role.
    pub role: Role,
    /// The user's team.
    pub team: TeamRef,
    /// The argon2 PHC string.
    pub password_hash: String,
}

/// Which team a new user joins.
#[derive(Debug, Clone)]
pub enum TeamRef {
    /// An existing team.
    Id(TeamId),
    /// A team by name, created if it does not exist (the command line's way).
    Name(String),
}

/// Why a user could not be created.
#[derive(Debug, thiserror::Error)]
pub enum CreateUserError {
    /// Another user signs in with that address.
    #[error("a user with the email {0} already exists")]
    EmailTaken(String),
    /// The team id names no team.
    #[error("there is no team {0}")]
    NoSuchTeam(TeamId),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Creates the user (and their team if new) in one transaction, with an audit row (`actor`
/// none for the command line and the demo).
pub async fn create_user(
    pool: &Db,
    user: &NewUser,
    actor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<UserId, CreateUserError> {
    let mut tx = pool.begin_write().await.map_err(StoreError::from)?;
    let team = match &user.team {
        TeamRef::Name(name) => ensure_team(&mut tx, name, now).await?,
        TeamRef::Id(id) => {
            let found = db::query_scalar::<i64>("SELECT id FROM teams WHERE id = ?")
                .bind(id.0)
                .fetch_optional(&mut tx)
                .await
                .map_err(StoreError::from)?;
            TeamId(found.ok_or(CreateUserError::NoSuchTeam(*id))?)
        }
    };
    let inserted = db::query_scalar::<i64>(
        "INSERT INTO users (email, name, role, team_id, password_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (email) DO NOTHING
         RETURNING id",
    )
    .bind(&user.email)
    .bind(&user.name)
    .bind(user.role.as_str())
    .bind(team.0)
    .bind(&user.password_hash)
    .bind(now.timestamp())
    .fetch_optional(&mut tx)
    .await
    .map_err(StoreError::from)?;
    let Some(id) = inserted else {
        return Err(CreateUserError::EmailTaken(user.email.clone()));
    };
    let entry = super::audit::AuditEntry {
        at: now,
        actor,
        action: "user.created",
        subject_type: "user",
        subject_id: Some(id),
        contact: None,
        details: serde_json::json!({ "role": user.role.as_str(), "team_id": team.0 }),
    };
    super::audit::record(&mut tx, &entry).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(UserId(id))
}

/// The team called `name`, created if it does not exist yet.
pub async fn ensure_team(
    tx: &mut db::Conn,
    name: &str,
    now: DateTime<Utc>,
) -> Result<TeamId, StoreError> {
    db::query("INSERT INTO teams (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(now.timestamp())
        .execute(&mut *tx)
        .await?;
    let id = db::query_scalar::<i64>("SELECT id FROM teams WHERE name = ?")
        .bind(name)
        .fetch_one(&mut *tx)
        .await?;
    Ok(TeamId(id))
}

/// The id and password hash of the user who signs in with `email` (already lower-cased).
pub async fn find_for_sign_in(
    pool: &Db,
    email: &str,
) -> Result<Option<(UserId, String)>, StoreError> {
    let row = db::query_as::<(i64, String)>("SELECT id, password_hash FROM users WHERE email = ?")
        .bind(email)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|(id, hash)| (UserId(id), hash)))
}

/// What signing in checks: the user's id, password hash and session epoch. Disabled users have
/// none (they cannot sign in).
#[derive(Clone, Debug)]
pub struct Credentials {
    /// The user.
    pub id: UserId,
    /// Their argon2 hash.
    pub password_hash: String,
    /// Sessions started now carry this; raising it ends them all.
    pub epoch: i64,
}

/// The credentials of the enabled user who signs in with `email` (already lower-cased).
pub async fn credentials(pool: &Db, email: &str) -> Result<Option<Credentials>, StoreError> {
    let row = db::query_as::<(i64, String, i64)>(
        "SELECT id, password_hash, session_epoch FROM users
         WHERE email = ? AND disabled_at IS NULL",
    )
    .bind(email)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(id, password_hash, epoch)| Credentials {
        id: UserId(id),
        password_hash,
        epoch,
    }))
}

/// The user a session started at `epoch` signs in as: `None` once the user is disabled, gone,
/// or their sessions were ended (the epoch moved on).
pub async fn session_user(
    pool: &Db,
    id: UserId,
    epoch: i64,
) -> Result<Option<CurrentUser>, StoreError> {
    let row = db::query_as::<CurrentUserRow>(&format!(
        "SELECT {CURRENT_USER_COLUMNS} FROM users u JOIN teams t ON t.id = u.team_id
         WHERE u.id = ? AND u.session_epoch = ? AND u.disabled_at IS NULL"
    ))
    .bind(id.0)
    .bind(epoch)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(current_user_from))
}

/// The columns of a [`CurrentUser`], for queries that join `users u` with `teams t`.
pub(crate) const CURRENT_USER_COLUMNS: &str =
    "u.id, u.name, u.email, u.role, t.id, t.name, u.timezone";

/// A [`CurrentUser`] as selected by [`CURRENT_USER_COLUMNS`].
pub(crate) type CurrentUserRow = (i64, String, String, String, i64, String, String);

/// The row as a [`CurrentUser`]; `None` for a role this build does not know.
pub(crate) fn current_user_from(row: CurrentUserRow) -> Option<CurrentUser> {
    let (id, name, email, role, team_id, team, timezone) = row;
    Some(CurrentUser {
        id: UserId(id),
        name,
        email,
        role: role.parse().ok()?,
        team_id: TeamId(team_id),
        team,
        // A zone this build's tz database lacks reads as UTC rather than locking the user out.
        timezone: TimeZone::parse(&timezone).unwrap_or(TimeZone::UTC),
    })
}

/// Sets the zone a user reads times in.
pub async fn set_timezone(pool: &Db, id: UserId, zone: TimeZone) -> Result<(), StoreError> {
    db::query("UPDATE users SET timezone = ? WHERE id = ?")
        .bind(zone.name())
        .bind(id.0)
        .execute(pool)
        .await?;
    Ok(())
}

/// The signed-in user's profile, or `None` if the user no longer exists.
pub async fn current_user(pool: &Db, id: UserId) -> Result<Option<CurrentUser>, StoreError> {
    let row = db::query_as::<CurrentUserRow>(&format!(
        "SELECT {CURRENT_USER_COLUMNS} FROM users u JOIN teams t ON t.id = u.team_id
         WHERE u.id = ?"
    ))
    .bind(id.0)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(current_user_from))
}

/// Replaces a user's password hash and ends every session of theirs, with an audit row
/// (`actor` none for the system); answers the user's new session epoch, `None` when there is
/// no such user.
pub async fn set_password_hash(
    pool: &Db,
    id: UserId,
    hash: &str,
    actor: Option<UserId>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<i64>, StoreError> {
    let mut tx = super::tx::begin_write(pool).await?;
    let epoch: Option<i64> = db::query_scalar(
        "UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1 WHERE id = ?
         RETURNING session_epoch",
    )
    .bind(hash)
    .bind(id.0)
    .fetch_optional(&mut tx)
    .await?;
    let Some(epoch) = epoch else {
        return Ok(None);
    };
    let entry = super::audit::AuditEntry {
        at: now,
        actor,
        action: "user.password_set",
        subject_type: "user",
        subject_id: Some(id.0),
        contact: None,
        details: serde_json::json!({}),
    };
    super::audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Some(epoch))
}

/// How many users exist: zero means a fresh database.
pub async fn count(pool: &Db) -> Result<i64, StoreError> {
    Ok(db::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(pool)
        .await?)
}
