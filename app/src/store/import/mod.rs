//! CSV import of contacts: streamed row by row, written in batched multi-row INSERTs inside one
//! transaction, all or nothing unless asked for a partial import. Used by `concord import
//! contacts` and by the REST endpoint.

mod read;
mod write;

pub use read::{ReadError, Rows};

use super::audit::{self, AuditEntry};
use super::StoreError;
use crate::domain::ids::UserId;
use crate::domain::import::{ImportDefaults, ImportedContact, RowError};
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqlitePool;
use std::collections::HashSet;
use std::io::Read;

/// How many rejected rows a report lists (the count covers them all).
pub const MAX_LISTED: usize = 10_000;

/// How to import.
#[derive(Clone, Copy, Debug)]
pub struct ImportOptions {
    /// Import the good rows even when some are bad (default: nothing unless every row is good).
    pub partial: bool,
    /// Values for empty cells.
    pub defaults: ImportDefaults,
    /// The creation instant of the new contacts.
    pub now: DateTime<Utc>,
    /// Who imports (none from the command line), for the audit log.
    pub actor: Option<UserId>,
}

/// How far an import has got, reported after each batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportProgress {
    /// Data rows read so far.
    pub rows: u64,
    /// Rows rejected so far.
    pub rejected: u64,
}

/// One rejected row: where and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RejectedRow {
    /// The line the row starts on (the header is line 1).
    pub line: u64,
    /// Why it was rejected.
    pub error: String,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportReport {
    /// Contacts created (0 when an all-or-nothing import was refused).
    pub imported: u64,
    /// The rejected rows by line, at most [`MAX_LISTED`] of them.
    pub rejected: Vec<RejectedRow>,
    /// How many rows were rejected in all.
    pub rejected_count: u64,
    /// Headers Concord does not read.
    pub ignored_columns: Vec<String>,
}

/// Why an import could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is unreadable or its header is unusable.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        ImportError::Store(e.into())
    }
}

/// Imports contacts from CSV text. Rows are read one at a time and written in batches inside
/// one transaction; it commits only when every row is good, or in a partial import.
pub async fn import_contacts<R: Read + Send>(
    pool: &SqlitePool,
    reader: R,
    options: &ImportOptions,
    progress: &mut (dyn FnMut(ImportProgress) + Send),
) -> Result<ImportReport, ImportError> {
    let mut rows = Rows::new(reader, options.defaults)?;
    let mut report = ImportReport {
        ignored_columns: rows.columns().ignored.clone(),
        ..ImportReport::default()
    };
    let mut tx = pool.begin().await?;
    let mut batch: Vec<(u64, ImportedContact)> = Vec::with_capacity(write::BATCH);
    let mut external_ids = HashSet::new();
    let mut read = 0u64;
    while let Some((line, row)) = rows.next_row()? {
        read += 1;
        let row = row.and_then(|contact| match &contact.external_id {
            Some(id) if !external_ids.insert(id.clone()) => {
                Err(RowError::DuplicateExternalId(id.clone()))
            }
            _ => Ok(contact),
        });
        match row {
            Ok(contact) => batch.push((line, contact)),
            Err(error) => reject(&mut report, line, &error),
        }
        if batch.len() == write::BATCH {
            flush(&mut tx, &mut batch, &mut report, options).await?;
            progress(ImportProgress {
                rows: read,
                rejected: report.rejected_count,
            });
        }
    }
    flush(&mut tx, &mut batch, &mut report, options).await?;
    progress(ImportProgress {
        rows: read,
        rejected: report.rejected_count,
    });
    report.rejected.sort_by_key(|r| r.line);
    if report.rejected_count > 0 && !options.partial {
        tx.rollback().await?;
        report.imported = 0;
    } else {
        let entry = AuditEntry {
            at: options.now,
            actor: options.actor,
            action: "contacts.imported",
            subject_type: "contact",
            subject_id: None,
            contact: None,
            details: serde_json::json!({
                "imported": report.imported,
                "rejected": report.rejected_count,
                "partial": options.partial,
            }),
        };
        audit::record(&mut tx, &entry).await?;
        tx.commit().await?;
    }
    Ok(report)
}

fn reject(report: &mut ImportReport, line: u64, error: &RowError) {
    report.rejected_count += 1;
    if report.rejected.len() < MAX_LISTED {
        report.rejected.push(RejectedRow {
            line,
            error: error.to_string(),
        });
    }
}

/// Drops rows whose external id is already stored, then writes the rest (unless an
/// all-or-nothing import has already failed: then it only keeps checking).
async fn flush(
    tx: &mut sqlx::SqliteConnection,
    batch: &mut Vec<(u64, ImportedContact)>,
    report: &mut ImportReport,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    let taken = write::stored_external_ids(tx, batch).await?;
    for (line, contact) in batch.iter() {
        if let Some(id) = contact
            .external_id
            .as_ref()
            .filter(|id| taken.contains(*id))
        {
            reject(report, *line, &RowError::DuplicateExternalId(id.clone()));
        }
    }
    batch.retain(|(_, c)| c.external_id.as_ref().is_none_or(|id| !taken.contains(id)));
    if options.partial || report.rejected_count == 0 {
        write::insert(tx, batch, options.now).await?;
        report.imported += batch.len() as u64;
    }
    batch.clear();
    Ok(())
}
