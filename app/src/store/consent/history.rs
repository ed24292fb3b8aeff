//! A contact's consent history, newest first, as the timeline and the API show it.

use crate::domain::ids::ContactId;
pub use crate::records::ConsentEntry;
use crate::store::db::{self, Conn};
use crate::store::rows::instant;
use crate::store::StoreError;

type Row = (
    Option<String>,
    Option<String>,
    String,
    String,
    Option<i64>,
    Option<i64>,
    String,
    Option<String>,
    Option<String>,
    i64,
);

/// The contact's most recent `limit` consent records, newest first.
pub async fn history(
    conn: &mut Conn,
    contact: ContactId,
    limit: i64,
) -> Result<Vec<ConsentEntry>, StoreError> {
    let rows = db::query_as::<Row>(
        "SELECT r.topic, r.channel, r.state, r.basis, r.basis_at, r.until, r.method, r.wording,
                u.name, r.recorded_at
         FROM consent_records r LEFT JOIN users u ON u.id = r.recorded_by
         WHERE r.contact_id = ? ORDER BY r.id DESC LIMIT ?",
    )
    .bind(contact.0)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(ConsentEntry {
                topic: r.0,
                channel: r.1,
                state: r.2,
                basis: r.3,
                basis_at: r.4.map(instant).transpose()?,
                until: r.5.map(instant).transpose()?,
                method: r.6,
                wording: r.7,
                recorded_by: r.8,
                recorded_at: instant(r.9)?,
            })
        })
        .collect()
}
