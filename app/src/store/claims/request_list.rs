//! Open claim requests with the names the review queue shows.

use crate::domain::ids::{ClaimRequestId, ContactId, UserId};
use crate::models::review_queue::OpenRequest;
use crate::store::db;
use crate::store::rows::{instant, secs};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use db::Db;

/// Open requests, oldest first, with the contact's live owner at `now` (if any).
pub async fn open_requests_named(
    pool: &Db,
    now: DateTime<Utc>,
) -> Result<Vec<OpenRequest>, StoreError> {
    let rows = db::query_as::<(i64, i64, String, i64, String, Option<String>, i64)>(
        "SELECT r.id, r.contact_id, c.name, r.requester_id, ru.name, ou.name, r.created_at
         FROM claim_requests r
         JOIN contacts c ON c.id = r.contact_id
         JOIN users ru ON ru.id = r.requester_id
         LEFT JOIN claims cl ON cl.contact_id = r.contact_id AND cl.ended_at IS NULL
              AND cl.expires_at > ?
         LEFT JOIN users ou ON ou.id = cl.user_id
         WHERE r.status = 'open' ORDER BY r.created_at, r.id",
    )
    .bind(secs(now))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, contact, contact_name, requester, name, owner, at)| {
            Ok(OpenRequest {
                id: ClaimRequestId(id),
                contact_id: ContactId(contact),
                contact_name,
                requester_id: UserId(requester),
                requester: name,
                owner,
                created_at: instant(at)?,
            })
        })
        .collect()
}
