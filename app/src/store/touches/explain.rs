//! A stored touch's conflicts explained again for a person reading them: the engine checks the
//! touch in its own place against its contact's ledger as it is now, with times in the reader's
//! zone (the stored explanations give the contact's, as the engine wrote them when it was
//! planned).

use super::check::check;
use super::get::touch_row;
use crate::domain::ids::{ContactId, TouchId};
use crate::domain::{Conflict, Rules, TimeZone};
use crate::store::db::Db;
use crate::store::reader::Reader;
use crate::store::{Failure, StoreError};
use chrono::{DateTime, Utc};

/// The conflicts of touch `id` now, explained in `zone`; `None` when the touch or its contact
/// is gone (checking refuses nothing else).
pub async fn explain_again(
    pool: &Db,
    reader: &Reader,
    rules: &Rules,
    id: TouchId,
    now: DateTime<Utc>,
    zone: TimeZone,
) -> Result<Option<Vec<Conflict>>, StoreError> {
    let row = {
        let mut conn = pool.acquire().await?;
        touch_row(&mut conn, id).await?
    };
    let Some(row) = row else {
        return Ok(None);
    };
    let at = row.touch()?.scheduled_at;
    let proposed = row.proposed_at(at)?;
    match check(
        reader,
        rules,
        ContactId(row.contact_id),
        &proposed,
        now,
        Some(zone),
    )
    .await
    {
        Ok(checked) => Ok(Some(checked.conflicts)),
        Err(Failure::Refused(_)) => Ok(None),
        Err(Failure::Store(e)) => Err(e),
    }
}

/// Each listed touch's conflicts as they stand now, explained in `zone` (a touch whose contact
/// is gone keeps its stored ones): what the review queue shows its reader.
pub async fn explain_listed(
    pool: &Db,
    reader: &Reader,
    rules: &Rules,
    touches: &mut [crate::models::review_queue::PendingTouch],
    now: DateTime<Utc>,
    zone: TimeZone,
) -> Result<(), StoreError> {
    for touch in touches {
        if let Some(conflicts) = explain_again(pool, reader, rules, touch.id, now, zone).await? {
            touch.conflicts = conflicts;
        }
    }
    Ok(())
}
