//! The contact policy as stored: one row per rule, alert or setting in `rules`; ids not stored
//! take DESIGN's defaults.

use super::audit::{self, AuditEntry};
use super::rows::{json, secs, to_json};
use super::tx::begin_write;
use super::{Failure, StoreError};
use crate::domain::ids::UserId;
use crate::domain::{Rules, RulesError};
use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

/// The stored rule set (defaults when the table is empty).
pub async fn load_rules(conn: &mut SqliteConnection) -> Result<Rules, StoreError> {
    let rows = sqlx::query_as::<_, (String, String)>("SELECT id, params FROM rules")
        .fetch_all(&mut *conn)
        .await?;
    if rows.is_empty() {
        return Ok(Rules::default());
    }
    let entries = rows
        .iter()
        .map(|(id, params)| Ok((id.clone(), json(params)?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    Rules::from_entries(entries).map_err(|e| StoreError::Corrupt(format!("stored rules: {e}")))
}

/// The stored rule set, read from the pool.
pub async fn current_rules(pool: &SqlitePool) -> Result<Rules, StoreError> {
    let mut conn = pool.acquire().await?;
    load_rules(&mut conn).await
}

/// Validates and stores the whole rule set, with an audit row, in one transaction.
pub async fn save_rules(
    pool: &SqlitePool,
    rules: &Rules,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<(), Failure<RulesError>> {
    rules.validate().map_err(Failure::Refused)?;
    let mut tx = begin_write(pool).await?;
    for (id, params) in rules.entries() {
        sqlx::query(
            "INSERT INTO rules (id, params, updated_by, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET params = excluded.params,
                 updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(&id)
        .bind(to_json(&params))
        .bind(actor.0)
        .bind(secs(now))
        .execute(&mut *tx)
        .await?;
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "rules.saved",
        subject_type: "rule",
        subject_id: None,
        contact: None,
        details: serde_json::to_value(rules).unwrap_or_default(),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}
