//! The open claim of a contact, the live owner, and renewal by outbound work.

use crate::domain::claims;
use crate::domain::ids::{ContactId, UserId};
use crate::domain::Claim;
use crate::store::db::{self, Conn, Db};
use crate::store::rows::{instant, secs};
use crate::store::StoreError;
use chrono::{DateTime, TimeDelta, Utc};

/// The contact's open claim (not ended; it may have lapsed), with its row id.
pub async fn open_claim(
    conn: &mut Conn,
    contact: ContactId,
) -> Result<Option<(i64, Claim)>, StoreError> {
    let row = db::query_as::<(i64, i64, i64, i64)>(
        "SELECT id, user_id, renewed_at, expires_at FROM claims
         WHERE contact_id = ? AND ended_at IS NULL",
    )
    .bind(contact.0)
    .fetch_optional(conn)
    .await?;
    row.map(|(id, owner, since, expires)| {
        Ok((
            id,
            Claim {
                owner: UserId(owner),
                since: instant(since)?,
                expires_at: instant(expires)?,
            },
        ))
    })
    .transpose()
}

/// Opens a claim of `contact` for `owner` from `now` until `expires_at`; answers its row id.
/// The caller has ended the previous open claim, if any, in the same transaction.
pub async fn start_claim(
    conn: &mut Conn,
    contact: ContactId,
    owner: UserId,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    Ok(db::query_scalar(
        "INSERT INTO claims (contact_id, user_id, claimed_at, renewed_at, expires_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(contact.0)
    .bind(owner.0)
    .bind(secs(now))
    .bind(secs(now))
    .bind(secs(expires_at))
    .fetch_one(conn)
    .await?)
}

/// The contact's live owner at `now` (an open claim past its expiry is no owner).
pub async fn owner_of(
    pool: &Db,
    contact: ContactId,
    now: DateTime<Utc>,
) -> Result<Option<Claim>, StoreError> {
    let mut conn = pool.acquire().await?;
    let open = open_claim(&mut conn, contact).await?.map(|(_, c)| c);
    Ok(claims::live(open, now))
}

/// Renews the claim if `author` is the contact's live owner at `at`; returns the new expiry.
pub async fn renew(
    conn: &mut Conn,
    contact: ContactId,
    author: UserId,
    at: DateTime<Utc>,
    term: TimeDelta,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let open = open_claim(conn, contact).await?.map(|(_, claim)| claim);
    renew_open(conn, contact, open, author, at, term).await
}

/// [`renew`], when the contact's open claim is already known (read under the contact's lock in
/// the same transaction): one write, or none when `author` is not its live owner.
pub async fn renew_open(
    conn: &mut Conn,
    contact: ContactId,
    open: Option<Claim>,
    author: UserId,
    at: DateTime<Utc>,
    term: TimeDelta,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let Some(claim) = open else {
        return Ok(None);
    };
    let Some(expires_at) = claims::renewal(Some(claim), author, at, term) else {
        return Ok(None);
    };
    db::query(
        "UPDATE claims SET renewed_at = ?, expires_at = ? WHERE contact_id = ? AND ended_at IS NULL",
    )
    .bind(secs(at.max(claim.since)))
    .bind(secs(expires_at))
    .bind(contact.0)
    .execute(conn)
    .await?;
    Ok(Some(expires_at))
}
