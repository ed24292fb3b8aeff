//! Each contact's `suppressed` channels, recomputed from the lists in force: for one contact
//! (after it is written), for the contacts a list names (after it is imported or removed), and
//! for contacts written in bulk. The engine reads the result with the contact row.

use crate::store::db::{self, Conn};
use crate::store::senders::find::PHONE_DIGITS;
use crate::store::StoreError;
use std::sync::LazyLock;

/// The channels on which a list in force holds the contact's address or number: one bit per
/// channel, each the largest of the lists' bits (so the sum is their union).
static SUPPRESSED: LazyLock<String> = LazyLock::new(|| {
    format!(
        "COALESCE((SELECT MAX(l.channels & 1) + MAX(l.channels & 2) + MAX(l.channels & 4) + MAX(l.channels & 8)
           FROM suppression_entries e JOIN suppression_lists l ON l.id = e.list_id
           WHERE l.removed_at IS NULL
             AND (e.value = lower(contacts.email) OR e.value = {PHONE_DIGITS})), 0)"
    )
});

/// Recomputes one contact.
pub async fn contact(conn: &mut Conn, id: i64) -> Result<(), StoreError> {
    db::query(format!(
        "UPDATE contacts SET suppressed = {} WHERE id = ?",
        *SUPPRESSED
    ))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Recomputes the contacts whose number or address is on list `list_id`; answers how many
/// are now suppressed on some channel.
pub async fn listed(conn: &mut Conn, list_id: i64) -> Result<u64, StoreError> {
    let done = db::query(format!(
        "UPDATE contacts SET suppressed = {}
         WHERE lower(email) IN (SELECT value FROM suppression_entries WHERE list_id = ?)
            OR {PHONE_DIGITS} IN (SELECT value FROM suppression_entries WHERE list_id = ?)",
        *SUPPRESSED
    ))
    .bind(list_id)
    .bind(list_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

/// Recomputes the contacts `ids`, written in bulk, when any list is in force: by their id
/// range when they are close together (the contacts an import created), else by the ids
/// themselves (those it updated, anywhere in the table).
pub async fn written(conn: &mut Conn, ids: &[i64]) -> Result<(), StoreError> {
    let (Some(&lo), Some(&hi)) = (ids.iter().min(), ids.iter().max()) else {
        return Ok(());
    };
    let any: Option<i64> =
        db::query_scalar("SELECT id FROM suppression_lists WHERE removed_at IS NULL LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?;
    if any.is_none() {
        return Ok(());
    }
    if ((hi - lo) as usize) < 2 * ids.len() {
        db::query(format!(
            "UPDATE contacts SET suppressed = {} WHERE id >= ? AND id <= ?",
            *SUPPRESSED
        ))
        .bind(lo)
        .bind(hi)
        .execute(conn)
        .await?;
        return Ok(());
    }
    for chunk in ids.chunks(crate::store::batch::rows_per_statement(1)) {
        let sql = format!(
            "UPDATE contacts SET suppressed = {} WHERE id IN ({})",
            *SUPPRESSED,
            vec!["?"; chunk.len()].join(", ")
        );
        let mut query = db::query(&sql);
        for id in chunk {
            query = query.bind(id);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
