//! The suppression lists in force, each with its age warning, and removing one (its contacts
//! are unblocked unless another list holds them).

use crate::domain::compliance::suppression::{channels_of, stale_warning, ListKind};
use crate::domain::ids::UserId;
use crate::store::audit::{self, AuditEntry};
use crate::store::db::{self, Db};
use crate::store::rows::{instant, secs};
use crate::store::tx::begin_write;
use crate::store::{Failure, StoreError};
use chrono::{DateTime, NaiveDate, Utc};

pub use crate::models::suppression_list::ListView;

/// Why a list was not removed.
#[derive(Debug, thiserror::Error)]
pub enum RemoveRefused {
    /// No list in force has this id.
    #[error("there is no suppression list {0} in force")]
    NotFound(i64),
}

impl From<RemoveRefused> for crate::error::AppError {
    fn from(error: RemoveRefused) -> Self {
        crate::error::AppError::NotFound(error.to_string())
    }
}

type Row = (i64, String, String, i64, String, i64, i64);

/// Every list in force, newest extract first, with warnings as of `today`.
pub async fn in_force(pool: &Db, today: NaiveDate) -> Result<Vec<ListView>, StoreError> {
    let rows = db::query_as::<Row>(
        "SELECT id, name, kind, channels, list_date, entries, imported_at FROM suppression_lists
         WHERE removed_at IS NULL ORDER BY list_date DESC, id DESC",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(
            |(id, name, kind, channels, list_date, entries, imported_at)| {
                let corrupt =
                    |e: String| StoreError::Corrupt(format!("suppression list {id}: {e}"));
                let parsed_kind = ListKind::parse(&kind).map_err(|e| corrupt(e.to_string()))?;
                let list_date = NaiveDate::parse_from_str(&list_date, "%Y-%m-%d")
                    .map_err(|e| corrupt(e.to_string()))?;
                Ok(ListView {
                    id,
                    name,
                    kind,
                    channels: channels_of(channels)
                        .into_iter()
                        .map(|c| c.as_str().to_owned())
                        .collect(),
                    list_date,
                    entries,
                    imported_at: instant(imported_at)?,
                    warning: stale_warning(parsed_kind, list_date, today),
                })
            },
        )
        .collect()
}

/// Takes list `id` out of force.
pub async fn remove(
    pool: &Db,
    id: i64,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<(), Failure<RemoveRefused>> {
    let mut tx = begin_write(pool).await?;
    let done = db::query(
        "UPDATE suppression_lists SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
    )
    .bind(secs(now))
    .bind(id)
    .execute(&mut tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(Failure::Refused(RemoveRefused::NotFound(id)));
    }
    super::refresh::listed(&mut tx, id).await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "suppression.removed",
        subject_type: "suppression_list",
        subject_id: Some(id),
        contact: None,
        details: serde_json::json!({}),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}
