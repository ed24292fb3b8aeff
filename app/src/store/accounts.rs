//! A user's account as admins and the user manage it: disabled and enabled again (their history
//! stays), and every session ended at once. Each change is audited.

use super::audit::{self, AuditEntry};
use super::tx::begin_write;
use super::StoreError;
use crate::domain::ids::UserId;
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Db;

/// Disables (ending every session; tokens and feeds stop with the user) or enables the user;
/// answers whether the user exists.
pub async fn set_disabled(
    pool: &Db,
    user: UserId,
    disabled: bool,
    actor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut tx = begin_write(pool).await?;
    let sql = if disabled {
        "UPDATE users SET disabled_at = COALESCE(disabled_at, ?), session_epoch = session_epoch + 1
         WHERE id = ?"
    } else {
        "UPDATE users SET disabled_at = NULL WHERE id = ? AND ? IS NOT NULL"
    };
    let done = if disabled {
        db::query(sql).bind(now.timestamp()).bind(user.0)
    } else {
        db::query(sql).bind(user.0).bind(now.timestamp())
    }
    .execute(&mut tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let entry = AuditEntry {
        at: now,
        actor,
        action: if disabled {
            "user.disabled"
        } else {
            "user.enabled"
        },
        subject_type: "user",
        subject_id: Some(user.0),
        contact: None,
        details: serde_json::json!({}),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(true)
}

/// Ends every session of the user ("sign out everywhere"); answers the new session epoch.
pub async fn end_sessions(
    pool: &Db,
    user: UserId,
    actor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let mut tx = begin_write(pool).await?;
    let epoch: Option<i64> = db::query_scalar(
        "UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ? RETURNING session_epoch",
    )
    .bind(user.0)
    .fetch_optional(&mut tx)
    .await?;
    if epoch.is_none() {
        return Ok(None);
    }
    let entry = AuditEntry {
        at: now,
        actor,
        action: "user.sessions_ended",
        subject_type: "user",
        subject_id: Some(user.0),
        contact: None,
        details: serde_json::json!({}),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(epoch)
}
