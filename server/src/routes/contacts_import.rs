//! `POST /contacts/import`: the import page's multipart form (`file`, and `partial` when
//! ticked). Works without JavaScript: the import runs, its report is stored, and the browser
//! is sent to `/contacts/import?report={id}` to read it.

use super::page_user::page_user;
use app::{contacts::import_run::run_upload, domain::Action, state::AppState};
use axum::{
    extract::{Multipart, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use chrono::Utc;
use tower_sessions::Session;

/// The largest file the page accepts (a million contacts is about 100 MB).
pub const MAX_UPLOAD_BYTES: usize = 256 * 1024 * 1024;

/// Imports the uploaded file and redirects to its report.
pub async fn import(
    State(state): State<AppState>,
    session: Session,
    mut form: Multipart,
) -> Response {
    let user = match page_user(&state, &session, Action::ImportContacts).await {
        Ok(user) => user,
        Err(refusal) => return refusal,
    };
    let mut file = None;
    let mut partial = false;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return (e.status(), e.body_text()).into_response(),
        };
        match field.name() {
            Some("file") => {
                let name = field.file_name().unwrap_or("upload.csv").to_owned();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes)),
                    Err(e) => return (e.status(), e.body_text()).into_response(),
                }
            }
            Some("partial") => partial = true,
            _ => {}
        }
    }
    let Some((name, bytes)) = file else {
        return (StatusCode::BAD_REQUEST, "choose a CSV file to import").into_response();
    };
    let heavy = match state.heavy.start_for(&format!("user:{}", user.id)).await {
        Ok(heavy) => heavy,
        Err(refusal) => return super::page_user::turned_away(refusal),
    };
    match run_upload(&heavy.pool, user.id, &name, &bytes, partial, Utc::now()).await {
        Ok(id) => Redirect::to(&format!("/contacts/import?report={id}")).into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            e.log_as_internal().to_string(),
        )
            .into_response(),
    }
}
