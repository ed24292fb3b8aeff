//! The reports of CSV imports made through the browser, kept so the page the upload leads to
//! can show them (each to the user who uploaded it).

use crate::domain::ids::UserId;
use crate::models::import_summary::{ImportSummary, LineError};
use crate::store::db;
use crate::store::rows::{json, secs, to_json};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use db::Db;
use serde::{Deserialize, Serialize};

/// The JSON `report` column (the updated and unchanged counts are missing from reports kept
/// before re-imports updated contacts).
#[derive(Serialize, Deserialize)]
struct Details {
    rejected: Vec<LineError>,
    #[serde(default)]
    updated: u64,
    #[serde(default)]
    unchanged: u64,
    ignored_columns: Vec<String>,
    failure: Option<String>,
}

/// Stores `summary` (its id is ignored) as `user`'s, and returns its new id.
pub async fn record_import(
    pool: &Db,
    user: UserId,
    summary: &ImportSummary,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let details = Details {
        rejected: summary.rejected.clone(),
        updated: summary.updated,
        unchanged: summary.unchanged,
        ignored_columns: summary.ignored_columns.clone(),
        failure: summary.failure.clone(),
    };
    let id = db::query_scalar(
        "INSERT INTO contact_imports (user_id, file_name, partial, rows_read, imported, rejected,
             report, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(user.0)
    .bind(&summary.file_name)
    .bind(summary.partial)
    .bind(summary.rows_read as i64)
    .bind(summary.imported as i64)
    .bind(summary.rejected_count as i64)
    .bind(to_json(&details))
    .bind(secs(now))
    .fetch_one(pool)
    .await?;
    Ok(id)
}

/// The report `id` if `user` made it.
pub async fn load_import(
    pool: &Db,
    id: i64,
    user: UserId,
) -> Result<Option<ImportSummary>, StoreError> {
    let row: Option<(String, bool, i64, i64, i64, String)> = db::query_as(
        "SELECT file_name, partial, rows_read, imported, rejected, report
         FROM contact_imports WHERE id = ? AND user_id = ?",
    )
    .bind(id)
    .bind(user.0)
    .fetch_optional(pool)
    .await?;
    let Some((file_name, partial, rows_read, imported, rejected_count, report)) = row else {
        return Ok(None);
    };
    let details: Details = json(&report)?;
    Ok(Some(ImportSummary {
        id,
        file_name,
        partial,
        rows_read: rows_read.max(0) as u64,
        imported: imported.max(0) as u64,
        updated: details.updated,
        unchanged: details.unchanged,
        rejected_count: rejected_count.max(0) as u64,
        rejected: details.rejected,
        ignored_columns: details.ignored_columns,
        failure: details.failure,
    }))
}
