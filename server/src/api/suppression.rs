//! `GET /api/v1/suppression-lists` (anyone), `POST /api/v1/suppression-lists` and
//! `DELETE /api/v1/suppression-lists/{id}` (admin): dated do-not-call and suppression lists.
//! Numbers and addresses on a list in force are blocked for its channels; a registry extract
//! older than 31 days carries a warning.

use super::{ApiError, ApiPath, ApiQuery, Caller, ErrorBody};
use app::domain::compliance::suppression::{ListKind, ListMeta};
use app::domain::wire_schema::LabelText;
use app::domain::Action;
use app::state::AppState;
use app::store::suppression::import::{import_list, ListImported};
use app::store::suppression::lists::{self, ListView};
use axum::{body::Bytes, extract::State, http::StatusCode, Json};
use chrono::Utc;
use serde::Deserialize;
use utoipa::IntoParams;

/// The largest list the API accepts (about 2 000 000 numbers); larger files go through
/// `concord import suppression`.
pub const MAX_LIST_BYTES: usize = 64 * 1024 * 1024;

/// A list's description.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// What people read, e.g. `US DNC extract`: 1 to 100 characters once trimmed, no control characters.
    #[param(value_type = LabelText, inline, example = "US DNC extract")]
    name: String,
    /// `registry` (a national do-not-call extract) or `company`.
    #[param(value_type = ListKind, inline, example = "registry")]
    kind: String,
    /// `email` (addresses), or `phone`, `sms` or both, comma-separated (numbers).
    #[param(
        example = "phone,sms",
        pattern = r"^ *(?:email|(?:phone|sms)(?: *, *(?:phone|sms))*) *$"
    )]
    channels: String,
    /// The day the extract was taken, YYYY-MM-DD: today or earlier.
    #[param(value_type = String, format = Date, example = "2026-12-01")]
    list_date: String,
}

/// Every list in force, newest extract first.
#[utoipa::path(get, path = "/api/v1/suppression-lists", tag = "contacts",
    operation_id = "list_suppression_lists", security(("bearer" = [])),
    responses(
        (status = 200, description = "The lists in force, each with its age warning", body = Vec<ListView>),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    _caller: Caller,
) -> Result<Json<Vec<ListView>>, ApiError> {
    Ok(Json(
        lists::in_force(&state.pool, Utc::now().date_naive()).await?,
    ))
}

/// Imports a list: one number or address a line (or the first column of a CSV).
#[utoipa::path(post, path = "/api/v1/suppression-lists", tag = "contacts",
    operation_id = "import_suppression_list", params(ListQuery),
    request_body(content = String, content_type = "text/csv",
        description = "UTF-8 text: one phone number or email address a line (or the first \
            column of a CSV), as `channels` says; blank lines, `#` comments and a header are \
            skipped and bad lines reported, but at least one line must hold a number or an \
            address.",
        example = json!("+1 617 555 0100\n+1 617 555 0101\n")),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Imported; lines that could not be read are listed", body = ListImported),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "A bad field, or no number or address in the file", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ListQuery>,
    body: Bytes,
) -> Result<(StatusCode, Json<ListImported>), ApiError> {
    caller.require(Action::EditRules)?;
    let now = Utc::now();
    let meta = ListMeta::parse(
        &query.name,
        &query.kind,
        &query.channels,
        &query.list_date,
        now.date_naive(),
    )
    .map_err(
        |app::domain::compliance::suppression::ListError::Field(field, message)| {
            ApiError::field(field, message)
        },
    )?;
    let text =
        std::str::from_utf8(&body).map_err(|_| ApiError::field("body", "expected UTF-8 text"))?;
    let heavy = state.heavy.start_for(&caller.source()).await?;
    let imported = import_list(&heavy.pool, &meta, text, Some(caller.0.id), now).await?;
    Ok((StatusCode::CREATED, Json(imported)))
}

/// Takes a list out of force: its numbers and addresses are no longer blocked (unless another
/// list holds them).
#[utoipa::path(delete, path = "/api/v1/suppression-lists/{id}", tag = "contacts",
    operation_id = "remove_suppression_list",
    params(("id" = i64, Path, description = "The list's id")), security(("bearer" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No list in force with that id", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn remove(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditRules)?;
    lists::remove(&state.pool, id, caller.0.id, Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
