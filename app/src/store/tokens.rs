//! API tokens: created for a user, looked up by digest on every API request, revocable.

use super::users::{current_user_from, CurrentUserRow, CURRENT_USER_COLUMNS};
use super::StoreError;
use crate::{auth::CurrentUser, domain::ids::UserId};
use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

/// Stores a token digest for `user` and answers the token's id.
pub async fn create(
    pool: &SqlitePool,
    user: UserId,
    label: &str,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, label, token_hash, created_at)
         VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(user.0)
    .bind(label)
    .bind(digest)
    .bind(now.timestamp())
    .fetch_one(pool)
    .await?)
}

/// The user a live (not revoked) token acts as.
pub async fn user_for_digest(
    pool: &SqlitePool,
    digest: &str,
) -> Result<Option<CurrentUser>, StoreError> {
    let row = sqlx::query_as::<_, CurrentUserRow>(&format!(
        "SELECT {CURRENT_USER_COLUMNS}
         FROM api_tokens k
         JOIN users u ON u.id = k.user_id
         JOIN teams t ON t.id = u.team_id
         WHERE k.token_hash = ? AND k.revoked_at IS NULL"
    ))
    .bind(digest)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(current_user_from))
}

/// Revokes a token; answers whether a live token was revoked.
pub async fn revoke(pool: &SqlitePool, id: i64, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
            .bind(now.timestamp())
            .bind(id)
            .execute(pool)
            .await?;
    Ok(done.rows_affected() == 1)
}
