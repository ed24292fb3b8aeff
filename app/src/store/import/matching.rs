//! Which stored contact each row of a batch updates: the one with the row's external id, else
//! the one with its email (among contacts without an external id when the row has one). A
//! row whose email two stored contacts share is refused: the file must say which.

use crate::domain::import::{ImportedContact, RowError};
use crate::store::db::{self, Conn};
use crate::store::rows::{ContactRow, CONTACT_SELECT};
use crate::store::StoreError;
use std::collections::HashMap;

/// What a row of the batch is.
pub(super) enum Match {
    /// A contact to create.
    New,
    /// An update of the stored contact with this id, as it is now.
    Stored(i64, Box<ImportedContact>),
    /// A row the file must make clear.
    Refused(RowError),
}

async fn select(
    conn: &mut Conn,
    condition: &str,
    keys: &[String],
) -> Result<Vec<ContactRow>, StoreError> {
    let mut found = Vec::new();
    for chunk in keys.chunks(crate::store::batch::rows_per_statement(1)) {
        let sql = format!(
            "{CONTACT_SELECT} WHERE {condition} IN ({})",
            vec!["?"; chunk.len()].join(", ")
        );
        let mut query = db::query_as::<ContactRow>(&sql);
        for key in chunk {
            query = query.bind(key);
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}

/// Each row's match, in the batch's order.
pub(super) async fn matches(
    conn: &mut Conn,
    rows: &[(u64, ImportedContact)],
) -> Result<Vec<Match>, StoreError> {
    let ids: Vec<String> = rows
        .iter()
        .filter_map(|(_, c)| c.external_id.clone())
        .collect();
    let mut by_id = HashMap::new();
    if !ids.is_empty() {
        for row in select(conn, "c.external_id", &ids).await? {
            by_id.insert(row.external_id.clone().unwrap_or_default(), row);
        }
    }
    let emails: Vec<String> = rows
        .iter()
        .filter(|(_, c)| {
            c.external_id
                .as_ref()
                .is_none_or(|id| !by_id.contains_key(id))
        })
        .filter_map(|(_, c)| c.email.as_ref().map(|e| e.as_str().to_lowercase()))
        .collect();
    let mut by_email: HashMap<String, Vec<ContactRow>> = HashMap::new();
    if !emails.is_empty() {
        for row in select(conn, "lower(c.email)", &emails).await? {
            let email = row.email.as_deref().unwrap_or_default().to_lowercase();
            by_email.entry(email).or_default().push(row);
        }
    }
    rows.iter()
        .map(|(_, contact)| {
            if let Some(row) = contact.external_id.as_ref().and_then(|id| by_id.get(id)) {
                return Ok(Match::Stored(row.id, Box::new(row.as_imported()?)));
            }
            let Some(email) = &contact.email else {
                return Ok(Match::New);
            };
            let email = email.as_str().to_lowercase();
            let same: Vec<&ContactRow> = by_email
                .get(&email)
                .into_iter()
                .flatten()
                .filter(|row| contact.external_id.is_none() || row.external_id.is_none())
                .collect();
            Ok(match same.as_slice() {
                [] => Match::New,
                [row] => Match::Stored(row.id, Box::new(row.as_imported()?)),
                _ => Match::Refused(RowError::AmbiguousEmail {
                    email,
                    contacts: same.len(),
                }),
            })
        })
        .collect()
}
