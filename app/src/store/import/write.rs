//! Writing imported contacts: one multi-row INSERT per batch, and the check for external ids
//! already in the database.

use crate::domain::import::ImportedContact;
use crate::store::batch;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;
use std::collections::HashSet;

/// Rows per INSERT statement (16 values each).
pub(super) const BATCH: usize = 500;

const COLUMNS: [&str; 16] = [
    "external_id",
    "name",
    "email",
    "phone",
    "address",
    "timezone",
    "stage",
    "attributes",
    "consent_email",
    "consent_sms",
    "consent_phone",
    "consent_mail",
    "do_not_contact",
    "account_key",
    "created_at",
    "updated_at",
];

/// The external ids of the batch that some stored contact already has.
pub(super) async fn stored_external_ids(
    conn: &mut SqliteConnection,
    rows: &[(u64, ImportedContact)],
) -> Result<HashSet<String>, sqlx::Error> {
    let ids: Vec<&str> = rows
        .iter()
        .filter_map(|(_, c)| c.external_id.as_deref())
        .collect();
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    let sql = format!(
        "SELECT external_id FROM contacts WHERE external_id IN ({})",
        vec!["?"; ids.len()].join(", ")
    );
    let mut query = sqlx::query_scalar::<_, String>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    Ok(query.fetch_all(conn).await?.into_iter().collect())
}

/// Inserts the rows in one statement.
pub(super) async fn insert(
    conn: &mut SqliteConnection,
    rows: &[(u64, ImportedContact)],
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let sql = batch::insert_sql("contacts", &COLUMNS, rows.len());
    let now = now.timestamp();
    let mut query = sqlx::query(&sql);
    for (_, c) in rows {
        let attributes = serde_json::to_string(&c.attributes).unwrap_or_else(|_| "{}".into());
        query = query
            .bind(c.external_id.as_deref())
            .bind(c.name.as_str())
            .bind(c.email.as_ref().map(|e| e.as_str()))
            .bind(c.phone.as_deref())
            .bind(c.address.as_deref())
            .bind(c.time_zone.name())
            .bind(c.stage.as_str())
            .bind(attributes)
            .bind(c.consent.email)
            .bind(c.consent.sms)
            .bind(c.consent.phone)
            .bind(c.consent.mail)
            .bind(c.do_not_contact)
            .bind(c.account_key.as_deref())
            .bind(now)
            .bind(now);
    }
    query.execute(conn).await?;
    Ok(())
}
