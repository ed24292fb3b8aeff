//! Reading one contact, with its live owner.

use crate::domain::ids::ContactId;
use crate::records::Contact;
use crate::store::db::{self, Conn, Db};
use crate::store::rows::{ContactRow, CONTACT_BY_ID};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use std::sync::LazyLock;

/// The contact's row with its open claim, on a connection (e.g. inside a transaction).
pub async fn contact_row(conn: &mut Conn, id: ContactId) -> Result<Option<ContactRow>, StoreError> {
    Ok(db::query_as(CONTACT_BY_ID.as_str())
        .bind(id.0)
        .fetch_optional(conn)
        .await?)
}

/// [`contact_row`], locking the contact for the rest of the transaction: PostgreSQL locks the
/// row (`FOR UPDATE OF c`, so a writer of this contact on another node waits, and reads what
/// this one wrote); a SQLite write transaction already excludes every other writer. One
/// statement where `begin_for_contacts` then `contact_row` would take two.
pub async fn lock_contact_row(
    conn: &mut Conn,
    id: ContactId,
) -> Result<Option<ContactRow>, StoreError> {
    static LOCKING: LazyLock<String> =
        LazyLock::new(|| format!("{} FOR UPDATE OF c", *CONTACT_BY_ID));
    Ok(
        db::query_as(db::Sql::dialects(CONTACT_BY_ID.as_str(), LOCKING.as_str()))
            .bind(id.0)
            .fetch_optional(conn)
            .await?,
    )
}

/// The contact as the pages and the API show it; its owner only if the claim is live at `now`.
pub async fn get_contact(
    pool: &Db,
    id: ContactId,
    now: DateTime<Utc>,
) -> Result<Option<Contact>, StoreError> {
    let mut conn = pool.acquire().await?;
    contact_row(&mut conn, id)
        .await?
        .map(|row| row.record(now))
        .transpose()
}
