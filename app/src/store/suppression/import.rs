//! Importing a suppression list: every line read into keys (a bad line is reported with its
//! number, never dropped in silence), the list and its entries written in one transaction, and
//! the contacts it names marked.

use crate::domain::compliance::suppression::{entry_keys, mask, ListMeta};
use crate::domain::ids::UserId;
use crate::store::audit::{self, AuditEntry};
use crate::store::batch::{insert_sql, rows_per_statement};
use crate::store::db::{self, Db};
use crate::store::rows::secs;
use crate::store::tx::begin_write;
use crate::store::Failure;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BadLine {
    /// Its number, from 1.
    pub line: usize,
    /// Why.
    pub reason: String,
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ListImported {
    /// The new list's id.
    pub id: i64,
    /// Numbers or addresses on it.
    pub entries: i64,
    /// Contacts it now blocks on some channel.
    pub contacts_blocked: u64,
    /// Lines that could not be read (the first 100).
    pub rejected: Vec<BadLine>,
    /// How many lines could not be read.
    pub rejected_count: usize,
}

/// Why nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportRefused {
    /// The file has no number or address at all.
    #[error("the file holds no {0}: one a line, the first column of a CSV")]
    Empty(&'static str),
}

impl From<ImportRefused> for crate::error::AppError {
    fn from(error: ImportRefused) -> Self {
        crate::error::AppError::Validation(error.to_string())
    }
}

/// The keys of `text`'s lines, sorted and without repeats, the number of entries and the bad
/// lines.
fn read(text: &str, email: bool) -> (Vec<String>, i64, Vec<BadLine>, usize) {
    let mut keys = Vec::new();
    let mut entries = 0;
    let mut rejected = Vec::new();
    let mut rejected_count = 0;
    for (index, line) in text.lines().enumerate() {
        match entry_keys(line, email) {
            Ok(None) => {}
            Ok(Some(found)) => {
                entries += 1;
                keys.extend(found);
            }
            Err(reason) => {
                rejected_count += 1;
                if rejected.len() < 100 {
                    rejected.push(BadLine {
                        line: index + 1,
                        reason,
                    });
                }
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    (keys, entries, rejected, rejected_count)
}

/// Imports a list.
pub async fn import_list(
    pool: &Db,
    meta: &ListMeta,
    text: &str,
    actor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<ListImported, Failure<ImportRefused>> {
    let email = meta.is_email();
    let (keys, entries, rejected, rejected_count) = read(text, email);
    if keys.is_empty() {
        let what = if email {
            "email address"
        } else {
            "phone number"
        };
        return Err(Failure::Refused(ImportRefused::Empty(what)));
    }
    let mut tx = begin_write(pool).await?;
    let id: i64 = db::query_scalar(
        "INSERT INTO suppression_lists (name, kind, channels, list_date, entries, imported_by,
             imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&meta.name)
    .bind(meta.kind.as_str())
    .bind(i64::from(mask(&meta.channels)))
    .bind(meta.list_date.to_string())
    .bind(entries)
    .bind(actor.map(|u| u.0))
    .bind(secs(now))
    .fetch_one(&mut tx)
    .await?;
    let per = rows_per_statement(2);
    let full = insert_sql("suppression_entries", &["value", "list_id"], per);
    for chunk in keys.chunks(per) {
        let sql = if chunk.len() == per {
            full.clone()
        } else {
            insert_sql("suppression_entries", &["value", "list_id"], chunk.len())
        };
        let mut query = db::query(sql);
        for key in chunk {
            query = query.bind(key).bind(id);
        }
        query.execute(&mut tx).await?;
    }
    let blocked = super::refresh::listed(&mut tx, id).await?;
    let entry = AuditEntry {
        at: now,
        actor,
        action: "suppression.imported",
        subject_type: "suppression_list",
        subject_id: Some(id),
        contact: None,
        details: serde_json::json!({
            "name": meta.name, "kind": meta.kind, "channels": meta.channels,
            "list_date": meta.list_date, "entries": entries, "rejected": rejected_count,
        }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(ListImported {
        id,
        entries,
        contacts_blocked: blocked,
        rejected,
        rejected_count,
    })
}
