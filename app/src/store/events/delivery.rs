//! A delivery event for a touch: recorded once per idempotency key; `sent`/`delivered` mark the
//! touch sent (renewing its author's claim from the event's time, unless that time is in the
//! future or long past), `failed` marks it failed. A touch that was not going out (a draft,
//! one awaiting review, a cancelled one) cannot be reported: the event is refused.

use super::{EventError, Ingested};
use crate::domain::claims::event_renews_from;
use crate::domain::ids::{ContactId, TouchId};
use crate::domain::lifecycle::status_after_delivery;
use crate::domain::DeliveryKind;
use crate::store::audit::{self, AuditEntry};
use crate::store::claims::renew;
use crate::store::db;
use crate::store::rows::secs;
use crate::store::rules::load_rules;
use crate::store::touches::touch_row;
use crate::store::tx::begin_for_touch;
use crate::store::{refuse, Failure};
use chrono::{DateTime, Utc};
use db::{Conn, Db};

/// Records the event unless its key (see [`super::idempotency_key`]) was seen before.
#[tracing::instrument(skip_all, fields(touch.id = %touch, event = %kind))]
pub async fn ingest_delivery(
    pool: &Db,
    touch: TouchId,
    kind: DeliveryKind,
    at: DateTime<Utc>,
    key: Option<&str>,
    message_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Ingested, Failure<EventError>> {
    let mut tx = begin_for_touch(pool, touch.0).await?;
    let ingested = record_delivery(&mut tx, touch, kind, at, key, None, now).await?;
    if let Some(message) = message_id {
        remember_message(&mut tx, touch, message).await?;
    }
    tx.commit().await?;
    Ok(ingested)
}

/// [`ingest_delivery`] inside a write transaction that holds the touch's contact;
/// `claim_term` when the caller read the rules already (a batch), else they are read here.
#[allow(clippy::too_many_arguments)]
pub async fn record_delivery(
    tx: &mut Conn,
    touch: TouchId,
    kind: DeliveryKind,
    at: DateTime<Utc>,
    key: Option<&str>,
    claim_term: Option<chrono::TimeDelta>,
    now: DateTime<Utc>,
) -> Result<Ingested, Failure<EventError>> {
    let key = match key {
        Some(key) => key.to_owned(),
        None => format!("touch:{touch}:{kind}:{}", secs(at)),
    };
    let Some(row) = touch_row(&mut *tx, touch).await? else {
        return refuse(EventError::TouchNotFound);
    };
    let inserted: Option<i64> = db::query_scalar(
        "INSERT INTO touch_events (touch_id, kind, at, external_id, created_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (external_id) DO NOTHING RETURNING id",
    )
    .bind(touch.0)
    .bind(kind.as_str())
    .bind(secs(at))
    .bind(&key)
    .bind(secs(now))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(event_id) = inserted else {
        return Ok(Ingested::Duplicate);
    };
    let before = row.status()?;
    let Some(after) = status_after_delivery(before, kind) else {
        return refuse(EventError::NotGoingOut(before));
    };
    if after != before {
        db::query(
            "UPDATE touches SET status = ?, version = version + 1, updated_at = ?,
                 sent_at = CASE WHEN ? = 'sent' AND sent_at IS NULL THEN ? ELSE sent_at END
             WHERE id = ?",
        )
        .bind(after.as_str())
        .bind(secs(now))
        .bind(after.as_str())
        .bind(secs(at))
        .bind(touch.0)
        .execute(&mut *tx)
        .await?;
    }
    let contact = ContactId(row.contact_id);
    if kind != DeliveryKind::Failed {
        let term = match claim_term {
            Some(term) => term,
            None => load_rules(&mut *tx).await?.claim_term(),
        };
        if let Some(from) = event_renews_from(at, now, term) {
            let author = crate::domain::ids::UserId(row.author_id);
            renew(&mut *tx, contact, author, from, term).await?;
        }
    }
    let entry = AuditEntry {
        at: now,
        actor: None,
        action: match kind {
            DeliveryKind::Sent => "touch.sent",
            DeliveryKind::Delivered => "touch.delivered",
            DeliveryKind::Failed => "touch.failed",
        },
        subject_type: "touch",
        subject_id: Some(touch.0),
        contact: Some(contact),
        details: serde_json::json!({ "event_id": event_id, "at": at, "status": after }),
    };
    audit::record(&mut *tx, &entry).await?;
    Ok(Ingested::Recorded)
}

/// Remembers that the provider's message (or call) `message_id` is `touch`, so that its later
/// webhook events that carry only that id find the touch. The first touch named keeps it.
pub async fn remember_message(
    tx: &mut db::Conn,
    touch: TouchId,
    message_id: &str,
) -> Result<(), crate::store::StoreError> {
    db::query(
        "INSERT INTO touch_messages (message_id, touch_id) VALUES (?, ?)
         ON CONFLICT (message_id) DO NOTHING",
    )
    .bind(message_id)
    .bind(touch.0)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
