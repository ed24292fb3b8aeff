//! Calendar feed tokens: each opens one user's `.ics` feed and nothing else. Per user, labelled,
//! revocable on their own, stored as digests; the API refuses them and a feed refuses API
//! tokens, because the two live in different tables.

use super::audit::{self, AuditEntry};
use super::reader::{first, Reader};
use super::rows::instant;
use super::tokens::{holder_from, Holder, HolderRow};
use super::tx::begin_write;
use super::users::CURRENT_USER_COLUMNS;
use super::StoreError;
use crate::domain::ids::UserId;
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Db;
use std::sync::LazyLock;

/// One feed of a user's, as their profile lists it (never the token or its digest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedRow {
    /// The feed's id.
    pub id: i64,
    /// What it is for, e.g. "phone calendar".
    pub label: String,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When a calendar last fetched it, to the hour.
    pub last_used_at: Option<DateTime<Utc>>,
}

/// Stores a feed's digest for `user`, with an audit row; answers its id.
pub async fn create(
    pool: &Db,
    user: UserId,
    label: &str,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let mut tx = begin_write(pool).await?;
    let id: i64 = db::query_scalar(
        "INSERT INTO calendar_feeds (user_id, label, token_hash, created_at)
         VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(user.0)
    .bind(label)
    .bind(digest)
    .bind(now.timestamp())
    .fetch_one(&mut tx)
    .await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(user),
        action: "feed.created",
        subject_type: "feed",
        subject_id: Some(id),
        contact: None,
        details: serde_json::json!({ "label": label }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// The user's live feeds, newest first.
pub async fn list(pool: &Db, user: UserId) -> Result<Vec<FeedRow>, StoreError> {
    let rows = db::query_as::<(i64, String, i64, Option<i64>)>(
        "SELECT id, label, created_at, last_used_at FROM calendar_feeds
         WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id DESC",
    )
    .bind(user.0)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, label, created, used)| {
            Ok(FeedRow {
                id,
                label,
                created_at: instant(created)?,
                last_used_at: used.map(instant).transpose()?,
            })
        })
        .collect()
}

/// Revokes the user's feed `id`, with an audit row; answers whether a live feed of theirs was
/// revoked (false for another user's, an unknown or a revoked one).
pub async fn revoke(
    pool: &Db,
    user: UserId,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut tx = begin_write(pool).await?;
    let done = db::query(
        "UPDATE calendar_feeds SET revoked_at = ?
         WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
    )
    .bind(now.timestamp())
    .bind(id)
    .bind(user.0)
    .execute(&mut tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(user),
        action: "feed.revoked",
        subject_type: "feed",
        subject_id: Some(id),
        contact: None,
        details: serde_json::json!({}),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// The live feed with this digest and its user (a disabled user's feeds open nothing): the
/// feed's id is the holder's `token`.
pub async fn owner_of_digest(reader: &Reader, digest: &str) -> Result<Option<Holder>, StoreError> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT f.id, f.last_used_at, {CURRENT_USER_COLUMNS}
             FROM calendar_feeds f
             JOIN users u ON u.id = f.user_id
             JOIN teams t ON t.id = u.team_id
             WHERE f.token_hash = ? AND f.revoked_at IS NULL AND u.disabled_at IS NULL"
        )
    });
    let row = match reader {
        Reader::Sqlite(files) => files.read(|conn| first::<HolderRow>(conn, &SQL, [digest]))?,
        Reader::Pool(pool) => {
            db::query_as::<HolderRow>(SQL.as_str())
                .bind(digest)
                .fetch_optional(pool)
                .await?
        }
    };
    Ok(row.and_then(holder_from))
}

/// Records that the feed was fetched at `now`.
pub async fn record_use(pool: &Db, feed: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    db::query("UPDATE calendar_feeds SET last_used_at = ? WHERE id = ?")
        .bind(now.timestamp())
        .bind(feed)
        .execute(pool)
        .await?;
    Ok(())
}
