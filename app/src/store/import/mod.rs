//! CSV import of contacts: streamed row by row, staged in batched multi-row INSERTs (a short
//! transaction each), then published in chunks; all or nothing unless asked for a partial
//! import. Used by `concord import contacts`, the upload form and the REST endpoint.

mod read;
mod write;

pub use read::{ReadError, Rows};

use super::audit::{self, AuditEntry};
use super::tx::begin_write;
use super::StoreError;
use crate::domain::ids::UserId;
use crate::domain::import::{ImportDefaults, ImportedContact, RowError};
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Db;
use serde::Serialize;
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

/// Imports contacts from CSV text, all or nothing unless `partial`, without holding the write
/// lock for the whole run: rows are read one at a time and staged a batch at a time, each batch
/// in a short transaction; when every row is read (and, all or nothing, every row is good) the
/// staged rows are published into `contacts` in chunks of [`write::PUBLISH_CHUNK`]. If
/// publishing fails half-way (another import took an external id meanwhile), what was
/// published is deleted again, so a failed import leaves nothing. While the chunks are being
/// published — a second or two for 300 000 rows — other readers may see part of the import.
pub async fn import_contacts<R: Read + Send>(
    pool: &Db,
    reader: R,
    options: &ImportOptions,
    progress: &mut (dyn FnMut(ImportProgress) + Send),
) -> Result<ImportReport, ImportError> {
    let mut rows = Rows::new(reader, options.defaults)?;
    let mut report = ImportReport {
        ignored_columns: rows.columns().ignored.clone(),
        ..ImportReport::default()
    };
    let import = new_import_id();
    let done = match stage_all(pool, &mut rows, import, &mut report, options, progress).await {
        Ok(()) => finish(pool, import, &mut report, options).await,
        Err(e) => Err(e),
    };
    if done.is_err() {
        if let Ok(mut tx) = begin_write(pool).await {
            if write::discard(&mut tx, import).await.is_ok() {
                let _ = tx.commit().await;
            }
        }
    }
    done.map(|()| report)
}

/// A fresh id for one import's staged rows.
fn new_import_id() -> i64 {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    (OsRng.next_u64() >> 1) as i64
}

/// Reads every row, staging the good ones a batch at a time.
async fn stage_all<R: Read + Send>(
    pool: &Db,
    rows: &mut Rows<R>,
    import: i64,
    report: &mut ImportReport,
    options: &ImportOptions,
    progress: &mut (dyn FnMut(ImportProgress) + Send),
) -> Result<(), ImportError> {
    let mut batch: Vec<(u64, ImportedContact)> = Vec::with_capacity(write::STAGE_ROWS);
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
            Err(error) => reject(report, line, &error),
        }
        if batch.len() == write::STAGE_ROWS {
            flush(pool, import, &mut batch, report, options).await?;
            progress(ImportProgress {
                rows: read,
                rejected: report.rejected_count,
            });
        }
    }
    flush(pool, import, &mut batch, report, options).await?;
    progress(ImportProgress {
        rows: read,
        rejected: report.rejected_count,
    });
    report.rejected.sort_by_key(|r| r.line);
    Ok(())
}

/// Drops the stage of a refused all-or-nothing import, or publishes it, with an audit row.
async fn finish(
    pool: &Db,
    import: i64,
    report: &mut ImportReport,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    if report.rejected_count > 0 && !options.partial {
        let mut tx = begin_write(pool).await?;
        write::discard(&mut tx, import).await?;
        tx.commit().await?;
        report.imported = 0;
        return Ok(());
    }
    let mut published: Vec<i64> = Vec::new();
    let mut after = 0;
    loop {
        let mut tx = begin_write(pool).await?;
        match write::publish_chunk(&mut tx, import, after).await {
            Ok(Some((upto, ids))) => {
                crate::store::suppression::refresh::written(&mut tx, &ids).await?;
                tx.commit().await?;
                published.extend(ids);
                after = upto;
                write::let_others_write().await;
            }
            Ok(None) => break,
            Err(e) => {
                drop(tx);
                let mut undo = begin_write(pool).await?;
                write::unpublish(&mut undo, &published).await?;
                undo.commit().await?;
                return Err(e.into());
            }
        }
    }
    report.imported = published.len() as u64;
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
    audit::record_alone(pool, &entry).await?;
    Ok(())
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

/// Drops rows whose external id is already stored, then stages the rest in a short
/// transaction of its own (unless an all-or-nothing import has already failed: then it only
/// keeps checking).
async fn flush(
    pool: &Db,
    import: i64,
    batch: &mut Vec<(u64, ImportedContact)>,
    report: &mut ImportReport,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    if batch.is_empty() {
        return Ok(());
    }
    let mut tx = begin_write(pool).await?;
    let taken = write::stored_external_ids(&mut tx, batch).await?;
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
        for rows in batch.chunks(write::BATCH) {
            write::stage(&mut tx, import, rows, options.now).await?;
        }
        report.imported += batch.len() as u64;
    }
    tx.commit().await?;
    batch.clear();
    write::let_others_write().await;
    Ok(())
}
