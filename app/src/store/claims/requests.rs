//! Claim requests: a rep asking for a contact someone else owns, for the managers to decide.

use crate::domain::ids::{ClaimRequestId, ContactId, UserId};
use crate::store::audit::{self, AuditEntry};
use crate::store::db::{self, Conn, Db};
use crate::store::rows::{instant, secs};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An open claim request, for the review queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRequest {
    /// Which request.
    pub id: ClaimRequestId,
    /// The contact asked for.
    pub contact_id: ContactId,
    /// Who asked.
    pub requester_id: UserId,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// Whether `requester` has an open claim request on `contact`.
pub async fn has_open_request(
    pool: &Db,
    contact: ContactId,
    requester: UserId,
) -> Result<bool, StoreError> {
    let mut conn = pool.acquire().await?;
    Ok(open_request(&mut conn, contact, requester).await?.is_some())
}

/// `requester`'s open claim request on `contact`, if any.
async fn open_request(
    conn: &mut Conn,
    contact: ContactId,
    requester: UserId,
) -> Result<Option<i64>, StoreError> {
    Ok(db::query_scalar(
        "SELECT id FROM claim_requests
         WHERE contact_id = ? AND requester_id = ? AND status = 'open'",
    )
    .bind(contact.0)
    .bind(requester.0)
    .fetch_optional(conn)
    .await?)
}

/// Files a request by `requester` (or returns their open one), with an audit row.
pub(super) async fn file_request(
    conn: &mut Conn,
    contact: ContactId,
    requester: UserId,
    now: DateTime<Utc>,
) -> Result<ClaimRequestId, StoreError> {
    let existing = open_request(&mut *conn, contact, requester).await?;
    if let Some(id) = existing {
        return Ok(ClaimRequestId(id));
    }
    let id: i64 = db::query_scalar(
        "INSERT INTO claim_requests (contact_id, requester_id, status, created_at)
         VALUES (?, ?, 'open', ?) RETURNING id",
    )
    .bind(contact.0)
    .bind(requester.0)
    .bind(secs(now))
    .fetch_one(&mut *conn)
    .await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(requester),
        action: "claim.requested",
        subject_type: "claim_request",
        subject_id: Some(id),
        contact: Some(contact),
        details: serde_json::json!({}),
    };
    audit::record(conn, &entry).await?;
    Ok(ClaimRequestId(id))
}

/// Open claim requests, oldest first.
pub async fn open_requests(pool: &Db) -> Result<Vec<ClaimRequest>, StoreError> {
    let rows = db::query_as::<(i64, i64, i64, i64)>(
        "SELECT id, contact_id, requester_id, created_at FROM claim_requests
         WHERE status = 'open' ORDER BY created_at, id",
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, contact, requester, at)| {
            Ok(ClaimRequest {
                id: ClaimRequestId(id),
                contact_id: ContactId(contact),
                requester_id: UserId(requester),
                created_at: instant(at)?,
            })
        })
        .collect()
}
