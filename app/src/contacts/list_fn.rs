//! The server function behind the contacts list: one page of a search, its count, and the
//! cursors of the neighbouring pages.

use super::filter::ContactFilter;
use crate::error::AppError;
use crate::records::Contact;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many contacts a page shows.
pub const PAGE_SIZE: u32 = 50;

/// One page of the contacts list, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactList {
    /// The contacts on this page, by name.
    pub contacts: Vec<Contact>,
    /// How many match in all, or the cap when `over` is set.
    pub total: u64,
    /// More match than were counted.
    pub over: bool,
    /// The contact to page after, when a next page exists.
    pub next: Option<i64>,
    /// The contact to page before, when a previous page exists.
    pub prev: Option<i64>,
}

/// The page of contacts matching `filter` after or before a contact (or the first page).
#[server(endpoint = "contacts/list")]
pub async fn list_contacts(
    filter: ContactFilter,
    after: Option<i64>,
    before: Option<i64>,
) -> Result<ContactList, AppError> {
    use crate::auth::require::allowed;
    use crate::domain::{ids::ContactId, Action};
    use crate::store::contacts::{search_contacts, Cursor, COUNT_CAP};

    let (state, user) = allowed(Action::Plan).await?;
    let search = super::search_parse::parse_search(&filter, &user)?;
    let cursor = match (after, before) {
        (Some(id), _) => Cursor::After(ContactId(id)),
        (None, Some(id)) => Cursor::Before(ContactId(id)),
        (None, None) => Cursor::First,
    };
    let page = search_contacts(&state.pool, &search, cursor, PAGE_SIZE, chrono::Utc::now())
        .await
        .map_err(|e| e.log_as_internal())?;
    let edge = |first: bool| {
        let contact = if first {
            page.contacts.first()
        } else {
            page.contacts.last()
        };
        contact.map(|c| c.id.0)
    };
    Ok(ContactList {
        next: page.has_next.then(|| edge(false)).flatten(),
        prev: page.has_prev.then(|| edge(true)).flatten(),
        over: page.total > COUNT_CAP,
        total: page.total.min(COUNT_CAP),
        contacts: page.contacts,
    })
}
