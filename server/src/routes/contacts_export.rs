//! `GET /contacts/export.csv?<the list's filters>` (marketers and above; audited with its
//! filter): every contact the search matches, as CSV
//! with the columns the import reads, streamed a batch at a time (a first pass collects the
//! attribute keys, which become `attr:<key>` columns).

use super::contacts_csv;
use super::page_user::page_user;
use app::store::db;
use app::{
    contacts::{filter::ContactFilter, search_parse::parse_search},
    domain::Action,
    state::AppState,
    store::audit::{self, AuditEntry},
    store::contacts::{export_batch, ContactSearch},
};
use axum::{
    body::{Body, Bytes},
    extract::{Query, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use chrono::Utc;
use db::Db;
use std::collections::BTreeSet;
use tokio::sync::mpsc;
use tower_sessions::Session;

/// Contacts read per query.
const BATCH: u32 = 2_000;

/// Answers the export; 400 names a bad filter.
pub async fn export(
    State(state): State<AppState>,
    session: Session,
    Query(filter): Query<ContactFilter>,
) -> Response {
    let user = match page_user(&state, &session, Action::ExportContacts).await {
        Ok(user) => user,
        Err(refusal) => return refusal,
    };
    let search = match parse_search(&filter, &user) {
        Ok(search) => search,
        Err(e) => return (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
    };
    let entry = AuditEntry {
        at: Utc::now(),
        actor: Some(user.id),
        action: "contacts.exported",
        subject_type: "contact",
        subject_id: None,
        contact: None,
        details: serde_json::json!({ "filter": filter }),
    };
    if let Err(e) = audit::record_alone(&state.pool, &entry).await {
        let error = e.log_as_internal();
        return (error.status(), error.to_string()).into_response();
    }
    let heavy = match state.heavy.start_for(&format!("user:{}", user.id)).await {
        Ok(heavy) => heavy,
        Err(refusal) => return super::page_user::turned_away(refusal),
    };
    let (sender, mut receiver) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::spawn(write_csv(heavy, search, sender));
    let stream = futures_util::stream::poll_fn(move |cx| receiver.poll_recv(cx));
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"contacts.csv\"",
            ),
        ],
        Body::from_stream(stream),
    )
        .into_response()
}

/// Writes the CSV into `sender`, batch by batch; a failure ends the body with an error.
/// Holds the heavy-work permit until the last batch is sent.
async fn write_csv(
    heavy: app::store::heavy::HeavyTicket,
    search: ContactSearch,
    sender: mpsc::Sender<Result<Bytes, std::io::Error>>,
) {
    if let Err(e) = write_batches(&heavy.pool, &search, &sender).await {
        tracing::error!(error = %e, "contacts export failed");
        let _ = sender
            .send(Err(std::io::Error::other("export failed")))
            .await;
    }
}

async fn write_batches(
    pool: &Db,
    search: &ContactSearch,
    sender: &mpsc::Sender<Result<Bytes, std::io::Error>>,
) -> anyhow::Result<()> {
    let now = Utc::now();
    let mut keys = BTreeSet::new();
    let mut after = 0;
    loop {
        let rows = export_batch(pool, search, after, BATCH, now).await?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        for row in &rows {
            keys.extend(contacts_csv::attributes(row).into_keys());
        }
    }
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(contacts_csv::header(&keys))?;
    let mut after = 0;
    loop {
        let rows = export_batch(pool, search, after, BATCH, now).await?;
        for row in &rows {
            csv.write_record(contacts_csv::record(row, &keys))?;
        }
        let chunk = std::mem::replace(&mut csv, csv::Writer::from_writer(Vec::new()))
            .into_inner()
            .map_err(|e| anyhow::anyhow!("CSV buffer: {e}"))?;
        if sender.send(Ok(Bytes::from(chunk))).await.is_err() {
            return Ok(());
        }
        match rows.last() {
            Some(last) => after = last.id,
            None => return Ok(()),
        }
    }
}
