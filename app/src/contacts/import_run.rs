//! Running one browser upload through the store's CSV import (the same one the CLI and
//! `POST /api/v1/contacts/import` use) and keeping its report for the page to show.

use crate::domain::ids::UserId;
use crate::domain::import::ImportDefaults;
use crate::models::import_summary::{ImportSummary, LineError};
use crate::store::contacts::record_import;
use crate::store::db;
use crate::store::import::{import_contacts, ImportError, ImportOptions};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use db::Db;

/// Imports `csv` (all or nothing unless `partial`), stores the report as `user`'s and returns
/// its id. An unreadable file is a report too (with its `failure`), not an error.
pub async fn run_upload(
    pool: &Db,
    user: UserId,
    file_name: &str,
    csv: &[u8],
    partial: bool,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let options = ImportOptions {
        partial,
        defaults: ImportDefaults::default(),
        now,
        actor: Some(user),
    };
    let mut rows_read = 0;
    let outcome = import_contacts(pool, csv, &options, &mut |progress| {
        rows_read = progress.rows;
    })
    .await;
    let mut summary = ImportSummary {
        file_name: file_name.to_owned(),
        partial,
        rows_read,
        ..ImportSummary::default()
    };
    match outcome {
        Ok(report) => {
            summary.imported = report.imported;
            summary.updated = report.updated;
            summary.unchanged = report.unchanged;
            summary.rejected_count = report.rejected_count;
            summary.ignored_columns = report.ignored_columns;
            summary.rejected = report
                .rejected
                .into_iter()
                .map(|r| LineError {
                    line: r.line,
                    error: r.error,
                })
                .collect();
        }
        Err(ImportError::Read(e)) => summary.failure = Some(e.to_string()),
        Err(ImportError::Store(e)) => return Err(e),
    }
    tracing::info!(
        rows = summary.rows_read,
        imported = summary.imported,
        updated = summary.updated,
        rejected = summary.rejected_count,
        "contacts imported from the browser"
    );
    record_import(pool, user, &summary, now).await
}
