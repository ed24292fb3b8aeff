//! The audit log: one row per change, written in the same transaction as the change.

use super::rows::{secs, to_json};
use super::StoreError;
use crate::domain::ids::{ContactId, UserId};
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Conn;

/// One audit row. `details` must never hold emails, phone numbers, passwords or tokens.
#[derive(Clone, Debug)]
pub struct AuditEntry<'a> {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (none for the system, e.g. the lapse job or an external sender's event).
    pub actor: Option<UserId>,
    /// What happened, e.g. `touch.planned`, `review.approve`, `claim.lapsed`.
    pub action: &'a str,
    /// The kind of thing changed: `touch`, `contact`, `claim`, `rule`, ...
    pub subject_type: &'a str,
    /// Its id.
    pub subject_id: Option<i64>,
    /// The contact concerned, if any.
    pub contact: Option<ContactId>,
    /// Details as JSON.
    pub details: serde_json::Value,
}

/// Writes the entry on the connection of the transaction making the change.
pub async fn record(conn: &mut Conn, entry: &AuditEntry<'_>) -> Result<(), StoreError> {
    db::query(
        "INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, contact_id, details)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(secs(entry.at))
    .bind(entry.actor.map(|u| u.0))
    .bind(entry.action)
    .bind(entry.subject_type)
    .bind(entry.subject_id)
    .bind(entry.contact.map(|c| c.0))
    .bind(to_json(&entry.details))
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes the entry in a transaction of its own, for an action that changes nothing else
/// (an export).
pub async fn record_alone(pool: &db::Db, entry: &AuditEntry<'_>) -> Result<(), StoreError> {
    let mut tx = super::tx::begin_write(pool).await?;
    record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(())
}
