//! `POST /settings/suppression`: the suppression page's multipart form (`file`, `name`, `kind`,
//! `channels`, `list_date`). Works without JavaScript: the list is imported and the browser is
//! sent back to the page with what the import did in the address.

use super::page_user::page_user;
use app::domain::compliance::suppression::{ListError, ListMeta};
use app::domain::Action;
use app::state::AppState;
use app::store::suppression::import::import_list;
use app::store::Failure;
use axum::{
    extract::{Multipart, State},
    response::{IntoResponse, Redirect, Response},
};
use chrono::Utc;
use std::collections::BTreeMap;
use tower_sessions::Session;

/// The largest file the page accepts.
pub const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;

fn back(pairs: &[(&str, &str)]) -> Response {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    Redirect::to(&format!("/settings/suppression?{query}")).into_response()
}

/// Imports the uploaded list and sends the browser back to the page.
pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    mut form: Multipart,
) -> Response {
    let user = match page_user(&state, &session, Action::EditRules).await {
        Ok(user) => user,
        Err(refusal) => return refusal,
    };
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let mut file = None;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return (e.status(), e.body_text()).into_response(),
        };
        let name = field.name().unwrap_or_default().to_owned();
        match field.bytes().await {
            Ok(bytes) if name == "file" => file = Some(bytes),
            Ok(bytes) => {
                fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
            }
            Err(e) => return (e.status(), e.body_text()).into_response(),
        }
    }
    let field = |name: &str| fields.get(name).map(String::as_str).unwrap_or_default();
    let today = user.timezone.local(Utc::now()).date();
    let meta = match ListMeta::parse(
        field("name"),
        field("kind"),
        field("channels"),
        field("list_date"),
        today,
    ) {
        Ok(meta) => meta,
        Err(ListError::Field(_, message)) => return back(&[("error", &message)]),
    };
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        return back(&[("error", "Choose the list's file.")]);
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return back(&[("error", "The file is not UTF-8 text.")]);
    };
    let heavy = match state.heavy.start_for(&format!("user:{}", user.id)).await {
        Ok(heavy) => heavy,
        Err(refusal) => return super::page_user::turned_away(refusal),
    };
    match import_list(&heavy.pool, &meta, text, Some(user.id), Utc::now()).await {
        Ok(done) => {
            let first = done
                .rejected
                .first()
                .map(|b| format!("line {}: {}", b.line, b.reason));
            let (entries, blocked, rejected) = (
                done.entries.to_string(),
                done.contacts_blocked.to_string(),
                done.rejected_count.to_string(),
            );
            let mut pairs = vec![
                ("imported", "1"),
                ("entries", entries.as_str()),
                ("blocked", blocked.as_str()),
                ("rejected", rejected.as_str()),
            ];
            if let Some(first) = first.as_deref() {
                pairs.push(("bad", first));
            }
            back(&pairs)
        }
        Err(Failure::Refused(refused)) => {
            back(&[("error", &format!("Nothing imported: {refused}."))])
        }
        Err(Failure::Store(e)) => back(&[("error", &e.log_as_internal().to_string())]),
    }
}
