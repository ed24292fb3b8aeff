//! An inbound interaction: recorded once per external id; it sets the contact's first inbound
//! instant (for the cool-down), and an `unsubscribe` withdraws consent for its channel.

use super::{EventError, Ingested};
use crate::domain::ids::ContactId;
use crate::domain::{Channel, InteractionKind};
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::rows::secs;
use crate::store::tx::begin_for_contacts;
use crate::store::{refuse, Failure};
use chrono::{DateTime, Utc};
use db::{Conn, Db};

/// The consent column an unsubscribe on `channel` clears.
pub(crate) fn consent_column(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "consent_email",
        Channel::Sms => "consent_sms",
        Channel::Phone => "consent_phone",
        Channel::Mail => "consent_mail",
    }
}

/// The idempotency key of an interaction reported without one (also used by the demo
/// generator): the same contact, kind, channel and second are the same interaction.
pub fn interaction_key(
    contact: impl std::fmt::Display,
    kind: impl std::fmt::Display,
    channel: impl std::fmt::Display,
    at_secs: i64,
) -> String {
    format!("contact:{contact}:{kind}:{channel}:{at_secs}")
}

/// Records the interaction unless its key (see [`super::idempotency_key`]) was seen before.
#[tracing::instrument(skip_all, fields(contact.id = %contact, event = %kind))]
pub async fn ingest_interaction(
    pool: &Db,
    contact: ContactId,
    kind: InteractionKind,
    channel: Channel,
    at: DateTime<Utc>,
    key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Ingested, Failure<EventError>> {
    let mut tx = begin_for_contacts(pool, &[contact.0]).await?;
    let ingested = record_interaction(&mut tx, contact, kind, channel, at, key, now).await?;
    tx.commit().await?;
    Ok(ingested)
}

/// [`ingest_interaction`] inside a write transaction that holds the contact.
pub async fn record_interaction(
    tx: &mut Conn,
    contact: ContactId,
    kind: InteractionKind,
    channel: Channel,
    at: DateTime<Utc>,
    key: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Ingested, Failure<EventError>> {
    let key = match key {
        Some(key) => key.to_owned(),
        None => interaction_key(contact, kind, channel, secs(at)),
    };
    let found: Option<i64> = db::query_scalar("SELECT id FROM contacts WHERE id = ?")
        .bind(contact.0)
        .fetch_optional(&mut *tx)
        .await?;
    if found.is_none() {
        return refuse(EventError::ContactNotFound);
    }
    let inserted: Option<i64> = db::query_scalar(
        "INSERT INTO interactions (contact_id, kind, channel, at, external_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (external_id) DO NOTHING RETURNING id",
    )
    .bind(contact.0)
    .bind(kind.as_str())
    .bind(channel.as_str())
    .bind(secs(at))
    .bind(&key)
    .bind(secs(now))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = inserted else {
        return Ok(Ingested::Duplicate);
    };
    if kind.is_inbound() {
        db::query(
            "UPDATE contacts SET first_inbound_at = CASE
                 WHEN first_inbound_at IS NULL OR first_inbound_at > ? THEN ?
                 ELSE first_inbound_at END
             WHERE id = ?",
        )
        .bind(secs(at))
        .bind(secs(at))
        .bind(contact.0)
        .execute(&mut *tx)
        .await?;
    } else {
        let column = consent_column(channel);
        db::query(format!(
            "UPDATE contacts SET {column} = FALSE, version = version + 1, updated_at = ? WHERE id = ?"
        ))
        .bind(secs(now))
        .bind(contact.0)
        .execute(&mut *tx)
        .await?;
    }
    let entry = AuditEntry {
        at: now,
        actor: None,
        action: if kind.is_inbound() {
            "interaction.recorded"
        } else {
            "contact.unsubscribed"
        },
        subject_type: "interaction",
        subject_id: Some(id),
        contact: Some(contact),
        details: serde_json::json!({ "kind": kind, "channel": channel, "at": at }),
    };
    audit::record(&mut *tx, &entry).await?;
    Ok(Ingested::Recorded)
}
