//! The server function that reads back the report of an upload for the import page.

use crate::error::AppError;
use crate::models::import_summary::ImportSummary;
use leptos::prelude::*;

/// The report `id`, if the signed-in user made that upload.
#[server(endpoint = "contacts/import-report")]
pub async fn load_import_report(id: i64) -> Result<ImportSummary, AppError> {
    use crate::auth::require::allowed;
    use crate::domain::Action;

    let (state, user) = allowed(Action::ImportContacts).await?;
    crate::store::contacts::load_import(&state.pool, id, user.id)
        .await
        .map_err(|e| e.log_as_internal())?
        .ok_or_else(|| AppError::NotFound(format!("import report {id}")))
}
