//! API tokens: created for a user, looked up by digest on every API request, revocable.

use super::audit::{self, AuditEntry};
use super::reader::{first, Reader};
use super::rows::instant;
use super::tx::begin_write;
use super::users::{current_user_from, CURRENT_USER_COLUMNS};
use super::StoreError;
use crate::store::db;
use crate::{auth::CurrentUser, domain::ids::UserId};
use chrono::{DateTime, Utc};
use db::Db;
use std::sync::LazyLock;

/// Stores a token digest for `user` and answers the token's id.
pub async fn create(
    pool: &Db,
    user: UserId,
    label: &str,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    create_expiring(pool, user, label, digest, None, None, now).await
}

/// As [`create`], for a token refused from `expires_at` on (none: until revoked), with an
/// audit row naming the admin who issued it (`actor`; none for the command line).
pub async fn create_expiring(
    pool: &Db,
    user: UserId,
    label: &str,
    digest: &str,
    expires_at: Option<DateTime<Utc>>,
    actor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let mut tx = begin_write(pool).await?;
    let id: i64 = db::query_scalar(
        "INSERT INTO api_tokens (user_id, label, token_hash, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(user.0)
    .bind(label)
    .bind(digest)
    .bind(now.timestamp())
    .bind(expires_at.map(|at| at.timestamp()))
    .fetch_one(&mut tx)
    .await?;
    let entry = AuditEntry {
        at: now,
        actor,
        action: "token.created",
        subject_type: "token",
        subject_id: Some(id),
        contact: None,
        details: serde_json::json!({ "user_id": user.0, "label": label, "expires_at": expires_at }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// How stale a token's or feed's `last_used_at` may grow before a request writes it again: one
/// write an hour at most, not one a request.
pub const LAST_USED_GRAIN_SECS: i64 = 3_600;

/// A live token (or calendar feed) as a request presents it: its id, the user it acts as, and
/// when it was last recorded as used.
#[derive(Clone, Debug)]
pub struct Holder {
    /// The token's id (the source of the events it reports).
    pub token: i64,
    /// The user it acts as.
    pub user: CurrentUser,
    /// Unix seconds of the last recorded use.
    pub last_used_at: Option<i64>,
}

/// A token's or feed's id and last use, then [`CURRENT_USER_COLUMNS`].
pub(crate) type HolderRow = (
    i64,
    Option<i64>,
    i64,
    String,
    String,
    String,
    i64,
    String,
    String,
);

/// The row as a [`Holder`]; `None` for a role this build does not know.
pub(crate) fn holder_from(row: HolderRow) -> Option<Holder> {
    let (token, last_used_at, id, name, email, role, team_id, team, zone) = row;
    let user = current_user_from((id, name, email, role, team_id, team, zone))?;
    Some(Holder {
        token,
        user,
        last_used_at,
    })
}

/// Whether a use at `now` should be recorded over the one recorded at `last` (Unix seconds):
/// only when that is older than [`LAST_USED_GRAIN_SECS`].
pub fn use_is_stale(last: Option<i64>, now: DateTime<Utc>) -> bool {
    last.is_none_or(|at| now.timestamp() - at >= LAST_USED_GRAIN_SECS)
}

/// Records that the token was used at `now`.
pub async fn record_use(pool: &Db, token: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    db::query("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")
        .bind(now.timestamp())
        .bind(token)
        .execute(pool)
        .await?;
    Ok(())
}

/// A live token — not revoked, not expired at `now`, of a user who is not disabled — and the
/// user it acts as. Asked on every API request, so it reads through the [`Reader`].
pub async fn holder_of_digest(
    reader: &Reader,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<Option<Holder>, StoreError> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT k.id, k.last_used_at, {CURRENT_USER_COLUMNS}
             FROM api_tokens k
             JOIN users u ON u.id = k.user_id
             JOIN teams t ON t.id = u.team_id
             WHERE k.token_hash = ?1 AND k.revoked_at IS NULL
               AND (k.expires_at IS NULL OR k.expires_at > ?2) AND u.disabled_at IS NULL"
        )
    });
    let row = match reader {
        Reader::Sqlite(files) => files.read(|conn| {
            first::<HolderRow>(conn, &SQL, rusqlite::params![digest, now.timestamp()])
        })?,
        Reader::Pool(pool) => {
            db::query_as::<HolderRow>(SQL.as_str())
                .bind(digest)
                .bind(now.timestamp())
                .fetch_optional(pool)
                .await?
        }
    };
    Ok(row.and_then(holder_from))
}

/// Revokes a token, with an audit row, in one transaction; answers whether a live token was
/// revoked (false for an unknown or already revoked id). `actor` is `None` for the command line.
pub async fn revoke(
    pool: &Db,
    id: i64,
    actor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut tx = begin_write(pool).await?;
    let done =
        db::query("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
            .bind(now.timestamp())
            .bind(id)
            .execute(&mut tx)
            .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let entry = AuditEntry {
        at: now,
        actor,
        action: "token.revoked",
        subject_type: "token",
        subject_id: Some(id),
        contact: None,
        details: serde_json::json!({}),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// One issued token as the settings page lists it (never the secret or its digest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRow {
    /// The token's id.
    pub id: i64,
    /// What it is for.
    pub label: String,
    /// The user it acts as.
    pub user_name: String,
    /// When it was issued.
    pub created_at: DateTime<Utc>,
    /// When it was last used, if recorded.
    pub last_used_at: Option<DateTime<Utc>>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<DateTime<Utc>>,
    /// When it stops working, if it expires.
    pub expires_at: Option<DateTime<Utc>>,
}

/// Every issued token, live ones first, newest first.
pub async fn list(pool: &Db) -> Result<Vec<TokenRow>, StoreError> {
    let rows = db::query_as::<(
        i64,
        String,
        String,
        i64,
        Option<i64>,
        Option<i64>,
        Option<i64>,
    )>(
        "SELECT k.id, k.label, u.name, k.created_at, k.last_used_at, k.revoked_at, k.expires_at
         FROM api_tokens k JOIN users u ON u.id = k.user_id
         ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC, k.id DESC",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, label, user_name, created, used, revoked, expires)| {
            Ok(TokenRow {
                id,
                label,
                user_name,
                created_at: instant(created)?,
                last_used_at: used.map(instant).transpose()?,
                revoked_at: revoked.map(instant).transpose()?,
                expires_at: expires.map(instant).transpose()?,
            })
        })
        .collect()
}
