//! Choosing a contact by what a person types: the suggestions as they type (the contacts
//! list's search: any part of the name, email or phone, or an exact external id), and the one contact a
//! submitted text means, or why it means none or several.

use super::page::{search_contacts, Cursor};
use super::search::ContactSearch;
use crate::domain::ids::ContactId;
use crate::models::contact_option::ContactOption;
use crate::store::db::{self, Db};
use crate::store::StoreError;
use chrono::{DateTime, Utc};

/// Why a text names no single contact.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PickError {
    /// Nothing was typed.
    #[error("choose a contact")]
    Empty,
    /// No contact matches.
    #[error("no contact matches “{0}”")]
    NoMatch(String),
    /// Several match.
    #[error("{count} contacts match “{text}” ({names}); type more of the name or email, or pick one from the list")]
    Several {
        /// What was typed.
        text: String,
        /// How many match (counting stops at a page).
        count: String,
        /// The first few.
        names: String,
    },
}

/// Up to `limit` contacts matching `text`, by name.
pub async fn suggest(
    pool: &Db,
    text: &str,
    limit: u32,
    now: DateTime<Utc>,
) -> Result<Vec<ContactOption>, StoreError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let search = ContactSearch {
        text: Some(text.to_owned()),
        ..ContactSearch::default()
    };
    let page = search_contacts(pool, &search, Cursor::First, limit, now).await?;
    Ok(page
        .contacts
        .iter()
        .map(|c| {
            let detail = c
                .email
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .or_else(|| c.phone.as_ref().map(|p| p.as_str().to_owned()));
            ContactOption::new(c.id, &c.name, detail.as_deref())
        })
        .collect())
}

/// The one contact `text` means: the number in a picker's label (or a bare number), else the
/// only contact whose whole name or email (ignoring ASCII case), phone or external id it is,
/// else the only contact the search finds. A whole address or name must pick its contact even
/// though it is also part of another's ("ann@…" of "joann@…").
pub async fn pick(
    pool: &Db,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Result<ContactId, PickError>, StoreError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Err(PickError::Empty));
    }
    if let Some(id) = ContactOption::id_in(text) {
        let found: Option<i64> = db::query_scalar("SELECT id FROM contacts WHERE id = ?")
            .bind(id.0)
            .fetch_optional(pool)
            .await?;
        return Ok(found
            .map(ContactId)
            .ok_or(PickError::NoMatch(text.to_owned())));
    }
    let folded = text.to_ascii_lowercase();
    let exact: Vec<i64> = db::query_scalar(
        "SELECT id FROM contacts
         WHERE lower(name) = ? OR lower(email) = ? OR phone = ? OR external_id = ? LIMIT 2",
    )
    .bind(folded.clone())
    .bind(folded)
    .bind(text.to_owned())
    .bind(text.to_owned())
    .fetch_all(pool)
    .await?;
    if let [one] = exact.as_slice() {
        return Ok(Ok(ContactId(*one)));
    }
    const SHOWN: usize = 3;
    let found = suggest(pool, text, 6, now).await?;
    Ok(match found.as_slice() {
        [] => Err(PickError::NoMatch(text.to_owned())),
        [one] => Ok(one.id),
        several => {
            let names: Vec<&str> = several
                .iter()
                .take(SHOWN)
                .map(|o| o.label.split(" (#").next().unwrap_or_default())
                .collect();
            let more = if several.len() > SHOWN { ", …" } else { "" };
            Err(PickError::Several {
                text: text.to_owned(),
                count: if several.len() == 6 {
                    "6 or more".to_owned()
                } else {
                    several.len().to_string()
                },
                names: format!("{}{more}", names.join(", ")),
            })
        }
    })
}

/// The picker's option for contact `id`, if it exists.
pub async fn option(pool: &Db, id: ContactId) -> Result<Option<ContactOption>, StoreError> {
    let row: Option<(String, Option<String>, Option<String>)> =
        db::query_as("SELECT name, email, phone FROM contacts WHERE id = ?")
            .bind(id.0)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(name, email, phone)| ContactOption::new(id, &name, email.or(phone).as_deref())))
}
