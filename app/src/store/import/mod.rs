//! CSV import of contacts: streamed row by row, staged in batched multi-row INSERTs (a short
//! transaction each), then published in chunks; all or nothing unless asked for a partial
//! import. Used by `concord import contacts`, the upload form and the REST endpoint.

mod matching;
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
use matching::Match;
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
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
    /// Stored contacts the file updated, matched by external id or email.
    pub updated: u64,
    /// Rows that matched a stored contact and changed nothing.
    pub unchanged: u64,
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
/// published is undone again (the new contacts deleted, the updated ones put back as they
/// were but for a consent the file withdrew, see [`write::restore`]). While the chunks are being
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
    let mut targets = HashMap::new();
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
            flush(pool, import, &mut batch, &mut targets, report, options).await?;
            progress(ImportProgress {
                rows: read,
                rejected: report.rejected_count,
            });
        }
    }
    flush(pool, import, &mut batch, &mut targets, report, options).await?;
    progress(ImportProgress {
        rows: read,
        rejected: report.rejected_count,
    });
    report.rejected.sort_by_key(|r| r.line);
    Ok(())
}

/// Drops the stage of a refused all-or-nothing import, or publishes it (the new contacts
/// first, then the updates), with an audit row.
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
        report.updated = 0;
        report.unchanged = 0;
        return Ok(());
    }
    let mut created: Vec<i64> = Vec::new();
    let mut updated: Vec<i64> = Vec::new();
    let mut outcome = publish(pool, import, write::Kind::New, &mut created).await;
    if outcome.is_ok() {
        outcome = publish(pool, import, write::Kind::Update, &mut updated).await;
    }
    if let Err(e) = outcome {
        undo(pool, import, &created).await;
        return Err(e);
    }
    forget(pool, import).await?;
    report.imported = created.len() as u64;
    report.updated = updated.len() as u64;
    let entry = AuditEntry {
        at: options.now,
        actor: options.actor,
        action: "contacts.imported",
        subject_type: "contact",
        subject_id: None,
        contact: None,
        details: serde_json::json!({
            "imported": report.imported,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": report.rejected_count,
            "partial": options.partial,
        }),
    };
    audit::record_alone(pool, &entry).await?;
    Ok(())
}

/// Undoes what a failed import published: deletes the contacts it created, then puts back
/// those it updated (see [`write::restore`]), each in a transaction of its own. A step that
/// fails too is logged and the import's error stands; the contacts kept as they were stay
/// under the import's negated id until they are put back.
async fn undo(pool: &Db, import: i64, created: &[i64]) {
    let unpublished = async {
        let mut tx = begin_write(pool).await?;
        write::unpublish(&mut tx, created).await?;
        tx.commit().await?;
        Ok::<(), ImportError>(())
    };
    if let Err(error) = unpublished.await {
        tracing::error!(import, %error, "a failed import's new contacts could not be deleted");
    }
    let restored = async {
        let mut tx = begin_write(pool).await?;
        let ids = write::restore(&mut tx, import).await?;
        crate::store::suppression::refresh::written(&mut tx, &ids).await?;
        tx.commit().await?;
        forget(pool, import).await
    };
    if let Err(error) = restored.await {
        tracing::error!(
            import,
            %error,
            "a failed import's updates could not be put back; the contacts as they were are \
             kept in import_rows under the import's id negated"
        );
    }
}

/// Drops the contacts import `import` kept as they were, a chunk per transaction.
async fn forget(pool: &Db, import: i64) -> Result<(), ImportError> {
    loop {
        let mut tx = begin_write(pool).await?;
        let dropped = write::forget_chunk(&mut tx, import).await?;
        tx.commit().await?;
        if dropped == 0 {
            return Ok(());
        }
        crate::store::tx::let_others_write().await;
    }
}

/// Publishes the staged rows of one kind a chunk at a time, adding the contacts' ids to
/// `published` as each chunk commits.
async fn publish(
    pool: &Db,
    import: i64,
    kind: write::Kind,
    published: &mut Vec<i64>,
) -> Result<(), ImportError> {
    let mut after = 0;
    loop {
        let mut tx = begin_write(pool).await?;
        let Some((upto, ids)) = write::publish_chunk(&mut tx, import, kind, after).await? else {
            return Ok(());
        };
        crate::store::suppression::refresh::written(&mut tx, &ids).await?;
        tx.commit().await?;
        published.extend(ids);
        after = upto;
        crate::store::tx::let_others_write().await;
    }
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

/// Sorts the batch into new contacts and updates of stored ones (matched by external id or
/// email; `targets` keeps the line that updates each stored contact, across batches), then
/// stages both in a short transaction of its own (unless an all-or-nothing import has already
/// failed: then it only keeps checking).
async fn flush(
    pool: &Db,
    import: i64,
    batch: &mut Vec<(u64, ImportedContact)>,
    targets: &mut HashMap<i64, u64>,
    report: &mut ImportReport,
    options: &ImportOptions,
) -> Result<(), ImportError> {
    if batch.is_empty() {
        return Ok(());
    }
    let mut tx = begin_write(pool).await?;
    let found = matching::matches(&mut tx, batch).await?;
    let mut staged = Vec::with_capacity(batch.len());
    let mut unchanged = 0;
    for ((line, contact), found) in batch.drain(..).zip(found) {
        match found {
            Match::New => match contact.creatable(&options.defaults) {
                Ok(()) => staged.push((line, None, contact)),
                Err(error) => reject(report, line, &error),
            },
            Match::Refused(error) => reject(report, line, &error),
            Match::Stored(id, stored) => match targets.entry(id) {
                Entry::Occupied(first) => {
                    reject(report, line, &RowError::SameContactTwice(*first.get()));
                }
                Entry::Vacant(slot) => {
                    slot.insert(line);
                    match contact.update(&stored) {
                        Some(updated) => staged.push((line, Some(id), updated)),
                        None => unchanged += 1,
                    }
                }
            },
        }
    }
    if options.partial || report.rejected_count == 0 {
        for rows in staged.chunks(write::BATCH) {
            write::stage(&mut tx, import, rows, options.now).await?;
        }
        report.imported += staged
            .iter()
            .filter(|(_, target, _)| target.is_none())
            .count() as u64;
        report.updated += staged
            .iter()
            .filter(|(_, target, _)| target.is_some())
            .count() as u64;
        report.unchanged += unchanged;
    }
    tx.commit().await?;
    crate::store::tx::let_others_write().await;
    Ok(())
}
