//! `POST /api/v1/contacts/import?partial=` (marketers and up): a CSV body of contacts, with CRM
//! export headers or Concord's own. All or nothing unless `partial=true`; bad rows are reported
//! by line.

use super::{ApiError, ApiQuery, Caller, ErrorBody};
use app::{
    domain::{import::ImportDefaults, Action},
    state::AppState,
    store::import::{import_contacts, ImportError, ImportOptions, ImportReport},
};
use axum::{
    body::Bytes,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use chrono::Utc;
use serde::Deserialize;
use utoipa::IntoParams;

/// The largest CSV body the API accepts; larger files go through `concord import contacts`.
pub const MAX_CSV_BYTES: usize = 64 * 1024 * 1024;

/// Import options.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Import the good rows even when some are bad (they are reported).
    #[serde(default)]
    partial: bool,
}

/// Imports contacts from CSV.
#[utoipa::path(post, path = "/api/v1/contacts/import", operation_id = "import_contacts", tag = "contacts", params(ImportQuery),
    request_body(content = String, content_type = "text/csv",
        description = "UTF-8 CSV: a header line, then one contact a line. The header must name \
            the name (`Name`, `Full Name`, or `First Name` and `Last Name`; headers match \
            ignoring case, blanks, `_` and `-`), and no two headers may mean the same thing. \
            Each row is a contact as `POST /api/v1/contacts` reads it, with a time zone \
            (`Time Zone`) for each new contact; other columns: `Email`, `Phone`, `Mobile`, \
            `Street`, `City`, `State`, `Zip`, `Country`, `Stage`, `External ID`, \
            `consent_email`, `consent_sms`, `consent_phone`, `consent_mail`, `Email Opt Out`, \
            `Do Not Call`, `do_not_contact`, `account_key`, `attr:<key>`; unknown ones are \
            ignored.",
        example = json!("Name,Email,Time Zone,Stage\nDana Reyes,dana@example.com,America/New_York,lead\n")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Imported: contacts created (`imported`), updated (matched by external id or email) and unchanged; see rejected for a partial import", body = ImportReport),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Reps may not import", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Bad rows or header: nothing imported", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ImportQuery>,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.require(Action::ImportContacts)?;
    let options = ImportOptions {
        partial: query.partial,
        defaults: ImportDefaults::default(),
        now: Utc::now(),
        actor: Some(caller.0.id),
    };
    let heavy = state.heavy.start_for(&caller.source()).await?;
    let report = import_contacts(
        &heavy.pool,
        std::io::Cursor::new(body),
        &options,
        &mut |_| {},
    )
    .await
    .map_err(|e| match e {
        ImportError::Read(e) => ApiError::field("csv", e),
        ImportError::Store(e) => e.into(),
    })?;
    if report.imported == 0 && report.rejected_count > 0 && !query.partial {
        let message = format!(
            "{} row(s) are bad; nothing was imported",
            report.rejected_count
        );
        let body = serde_json::json!({
            "error": "validation",
            "message": message,
            "imported": 0,
            "rejected": report.rejected,
        });
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response());
    }
    Ok(Json(report).into_response())
}
