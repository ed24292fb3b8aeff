//! Teams: created by admins, each user belongs to one.

use super::StoreError;
use crate::domain::ids::{TeamId, UserId};
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Db;

/// Creates a team, with an audit row; `None` when a team of that name exists already.
pub async fn create(
    pool: &Db,
    name: &str,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<Option<TeamId>, StoreError> {
    let mut tx = super::tx::begin_write(pool).await?;
    let id = db::query_scalar::<i64>(
        "INSERT INTO teams (name, created_at) VALUES (?, ?)
         ON CONFLICT (name) DO NOTHING RETURNING id",
    )
    .bind(name)
    .bind(now.timestamp())
    .fetch_optional(&mut tx)
    .await?;
    let Some(id) = id else {
        return Ok(None);
    };
    let entry = super::audit::AuditEntry {
        at: now,
        actor: Some(actor),
        action: "team.created",
        subject_type: "team",
        subject_id: Some(id),
        contact: None,
        details: serde_json::json!({ "name": name }),
    };
    super::audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(Some(TeamId(id)))
}

/// The team's name, if the team exists.
pub async fn name(pool: &Db, id: TeamId) -> Result<Option<String>, StoreError> {
    Ok(db::query_scalar("SELECT name FROM teams WHERE id = ?")
        .bind(id.0)
        .fetch_optional(pool)
        .await?)
}

/// Every team as (id, name), by name: for pickers and for naming teams on the screens.
pub async fn all(pool: &Db) -> Result<Vec<(TeamId, String)>, StoreError> {
    let rows = db::query_as::<(i64, String)>("SELECT id, name FROM teams ORDER BY name")
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| (TeamId(id), name))
        .collect())
}
