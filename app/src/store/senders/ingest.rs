//! Mapping what a source reported onto the ledger, in one write transaction per request: each
//! event is taken once (the provider's id, per source), its touch found by the id the sender
//! put in the provider's metadata or by the provider's message id, its contact by the touch or
//! by address; what cannot be mapped goes to the dead-letter list with the reason.

use super::sources::Source;
use crate::domain::ids::{ContactId, TouchId};
use crate::domain::lifecycle::status_after_delivery;
use crate::domain::senders::{Outcome, Signal};
use crate::domain::{Channel, DeliveryKind, EmailAddress, InteractionKind, TouchStatus};
use crate::store::audit::{self, AuditEntry};
use crate::store::db::{self, Conn, Db};
use crate::store::events::{consent_column, record_delivery, record_interaction};
use crate::store::rows::secs;
use crate::store::tx::begin_for_contacts;
use crate::store::{Failure, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What became of one request's events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HookReport {
    /// Taken in for the first time (mapped).
    pub recorded: usize,
    /// Seen before: nothing changed.
    pub duplicates: usize,
    /// Verified but not mapped: kept in the dead-letter list.
    pub dead_lettered: usize,
}

/// Where an event lands.
#[derive(Clone, Debug, Default)]
pub(super) struct Found {
    /// Its touch, with the touch's status.
    pub touch: Option<(TouchId, TouchStatus)>,
    /// The contacts it concerns: the touch's, else every contact with the address.
    pub contacts: Vec<ContactId>,
}

/// Finds the touch and contacts of a signal (before the transaction: they say what to lock).
pub(super) async fn find(pool: &Db, signal: &Signal) -> Result<Found, StoreError> {
    let mut conn = pool.acquire().await?;
    find_on(&mut conn, signal).await
}

/// [`find`] on a connection.
async fn find_on(conn: &mut Conn, signal: &Signal) -> Result<Found, StoreError> {
    let mut conn = conn;
    let by_id = match signal.target.touch {
        Some(id) => {
            touch_of(
                &mut conn,
                "SELECT id, contact_id, status FROM touches WHERE id = ?",
                id.0.into(),
            )
            .await?
        }
        None => None,
    };
    let by_message = match (&by_id, &signal.target.message_id) {
        (None, Some(message)) => {
            touch_of(
                &mut conn,
                "SELECT t.id, t.contact_id, t.status FROM touch_messages m
                 JOIN touches t ON t.id = m.touch_id WHERE m.message_id = ?",
                message.clone().into(),
            )
            .await?
        }
        _ => None,
    };
    if let Some((touch, contact, status)) = by_id.or(by_message) {
        return Ok(Found {
            touch: Some((touch, status)),
            contacts: vec![contact],
        });
    }
    let contacts = match signal.target.address.as_deref() {
        Some(address) => by_address(&mut conn, signal.channel, address).await?,
        None => Vec::new(),
    };
    Ok(Found {
        touch: None,
        contacts,
    })
}

async fn touch_of(
    conn: &mut Conn,
    sql: &'static str,
    key: db::Arg,
) -> Result<Option<(TouchId, ContactId, TouchStatus)>, StoreError> {
    let row = db::query_as::<(i64, i64, String)>(sql)
        .bind(key)
        .fetch_optional(conn)
        .await?;
    row.map(|(touch, contact, status)| {
        let status = TouchStatus::parse(&status).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok((TouchId(touch), ContactId(contact), status))
    })
    .transpose()
}

/// The digits of a phone number, as the `contacts_phone_digits` index keeps them.
const PHONE_DIGITS: &str = "replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')";

/// Every contact with this email address (any case) or phone number (any punctuation; a North
/// American number also as written without its country code).
async fn by_address(
    conn: &mut Conn,
    channel: Channel,
    address: &str,
) -> Result<Vec<ContactId>, StoreError> {
    let ids: Vec<i64> = if channel == Channel::Email {
        let Ok(email) = EmailAddress::parse(address) else {
            return Ok(Vec::new());
        };
        db::query_scalar("SELECT id FROM contacts WHERE lower(email) = lower(?) ORDER BY id")
            .bind(email.as_str())
            .fetch_all(conn)
            .await?
    } else {
        let digits: String = address.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < 5 {
            return Ok(Vec::new());
        }
        let national = match digits.strip_prefix('1') {
            Some(rest) if digits.len() == 11 => rest.to_owned(),
            _ => digits.clone(),
        };
        db::query_scalar(format!(
            "SELECT id FROM contacts WHERE {PHONE_DIGITS} IN (?, ?) ORDER BY id"
        ))
        .bind(digits)
        .bind(national)
        .fetch_all(conn)
        .await?
    };
    Ok(ids.into_iter().map(ContactId).collect())
}

/// Takes in a request's signals from `source`; `raw` is the body as received (kept with a
/// dead letter).
pub async fn ingest(
    pool: &Db,
    source: &Source,
    signals: &[Signal],
    raw: &str,
    now: DateTime<Utc>,
) -> Result<HookReport, StoreError> {
    let mut found = Vec::with_capacity(signals.len());
    for signal in signals {
        found.push(find(pool, signal).await?);
    }
    let contacts: Vec<i64> = found
        .iter()
        .flat_map(|f| f.contacts.iter().map(|c| c.0))
        .collect();
    let mut tx = begin_for_contacts(pool, &contacts).await?;
    let mut report = HookReport::default();
    let excerpt = if signals.len() == 1 {
        cut(raw, 65_536)
    } else {
        cut(raw, 4_096)
    };
    for (signal, found) in signals.iter().zip(found) {
        // An event naming only a message id that an earlier event of this request recorded
        // (`processed`, then `delivered`) is found again inside the transaction.
        let found = match (&found.touch, &signal.target.message_id) {
            (None, Some(_)) => {
                let again = find_on(&mut tx, signal).await?;
                let ids: Vec<i64> = again.contacts.iter().map(|c| c.0).collect();
                tx.lock_contacts(&ids).await?;
                again
            }
            _ => found,
        };
        let found = &found;
        let taken: Option<i64> = db::query_scalar(
            "INSERT INTO hook_events (source_id, event_id, outcome, contact_id, touch_id, received_at)
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, event_id) DO NOTHING RETURNING id",
        )
        .bind(source.id)
        .bind(&signal.event_id)
        .bind(signal.outcome.name())
        .bind(found.contacts.first().map(|c| c.0))
        .bind(found.touch.map(|(t, _)| t.0))
        .bind(secs(now))
        .fetch_optional(&mut tx)
        .await?;
        if taken.is_none() {
            report.duplicates += 1;
            continue;
        }
        match apply(&mut tx, source, signal, found, now).await? {
            Ok(()) => report.recorded += 1,
            Err(reason) => {
                db::query(
                    "INSERT INTO dead_letters (source_id, event_id, reason, signal, payload, received_at)
                     VALUES (?, ?, ?, ?, ?, ?)",
                )
                .bind(source.id)
                .bind(&signal.event_id)
                .bind(&reason)
                .bind(serde_json::to_string(signal).map_err(|e| StoreError::Corrupt(e.to_string()))?)
                .bind(excerpt)
                .bind(secs(now))
                .execute(&mut tx)
                .await?;
                report.dead_lettered += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(report)
}

/// At most `max` bytes of `text`, cut at a character boundary.
pub(super) fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Applies one signal inside the transaction; `Ok(Err(reason))` when it cannot be mapped (then
/// nothing was written for it).
pub(super) async fn apply(
    tx: &mut Conn,
    source: &Source,
    signal: &Signal,
    found: &Found,
    now: DateTime<Utc>,
) -> Result<Result<(), String>, StoreError> {
    let key = format!("source:{}|{}", source.id, signal.event_id);
    let Some(&contact) = found.contacts.first() else {
        return Ok(match &signal.outcome {
            Outcome::Deferred | Outcome::Noted { .. } => Ok(()),
            _ => Err(unmapped(signal, found)),
        });
    };
    let delivery = match &signal.outcome {
        Outcome::Sent => Some(DeliveryKind::Sent),
        Outcome::Delivered => Some(DeliveryKind::Delivered),
        Outcome::Failed { .. } | Outcome::Bounced { .. } => Some(DeliveryKind::Failed),
        _ => None,
    };
    if let Some(kind) = delivery {
        match found.touch {
            Some((touch, status)) if status_after_delivery(status, kind).is_some() => {
                deliver(tx, touch, kind, signal.at, &key, now).await?;
                if kind == DeliveryKind::Sent {
                    if let Some(message) = &signal.target.message_id {
                        db::query(
                            "INSERT INTO touch_messages (message_id, touch_id) VALUES (?, ?)
                             ON CONFLICT (message_id) DO NOTHING",
                        )
                        .bind(message)
                        .bind(touch.0)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
            }
            Some((touch, status)) if !matches!(signal.outcome, Outcome::Bounced { .. }) => {
                return Ok(Err(format!(
                    "touch {} is {status}, not going out: a {} event cannot be applied to it",
                    touch.0,
                    signal.outcome.name()
                )));
            }
            Some(_) => {}
            None if matches!(signal.outcome, Outcome::Bounced { .. }) => {}
            None => return Ok(Err(unmapped(signal, found))),
        }
    }
    if let Some(reason) = signal.outcome.withdraws() {
        for &contact in &found.contacts {
            withdraw(tx, contact, signal.channel, &reason, source, now).await?;
        }
    }
    let touch = found.touch.map(|(t, _)| t);
    match &signal.outcome {
        Outcome::Engaged(engagement) => {
            db::query(
                "INSERT INTO engagements (contact_id, touch_id, kind, channel, at) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(contact.0)
            .bind(touch.map(|t| t.0))
            .bind(engagement.as_str())
            .bind(signal.channel.as_str())
            .bind(secs(signal.at))
            .execute(&mut *tx)
            .await?;
        }
        Outcome::Replied | Outcome::CalledIn => {
            let kind = if signal.outcome == Outcome::Replied {
                InteractionKind::Reply
            } else {
                InteractionKind::CallIn
            };
            record_interaction(
                tx,
                contact,
                kind,
                signal.channel,
                signal.at,
                Some(&key),
                now,
            )
            .await
            .map_err(store_only)?;
        }
        Outcome::Resubscribed => {
            // Consent comes back only with a consent record that allows it; the request is
            // kept on the contact's trail.
            let entry = AuditEntry {
                at: now,
                actor: None,
                action: "contact.resubscribe_asked",
                subject_type: "contact",
                subject_id: Some(contact.0),
                contact: Some(contact),
                details: serde_json::json!({ "channel": signal.channel, "source": source.id }),
            };
            audit::record(tx, &entry).await?;
        }
        _ => {}
    }
    Ok(Ok(()))
}

fn unmapped(signal: &Signal, found: &Found) -> String {
    let what = signal.outcome.name();
    match (&signal.target, found.touch) {
        (t, None) if t.touch.is_some() => {
            format!(
                "a {what} event for touch {}, which does not exist",
                t.touch.map_or(0, |t| t.0)
            )
        }
        (t, None) if t.message_id.is_some() && t.address.is_none() => {
            format!(
                "a {what} event for message {}, which no touch was sent as",
                t.message_id.as_deref().unwrap_or("")
            )
        }
        (t, _) if t.address.is_some() => {
            format!("a {what} event for an address or number no contact has, and no touch it names")
        }
        _ => format!("a {what} event that names no touch and no address"),
    }
}

async fn deliver(
    tx: &mut Conn,
    touch: TouchId,
    kind: DeliveryKind,
    at: DateTime<Utc>,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    record_delivery(tx, touch, kind, at, Some(key), now)
        .await
        .map(|_| ())
        .map_err(store_only)
}

/// A refusal cannot happen here (checked before); should one, it is a store inconsistency.
fn store_only<E: std::fmt::Display>(failure: Failure<E>) -> StoreError {
    match failure {
        Failure::Store(e) => e,
        Failure::Refused(e) => {
            StoreError::Corrupt(format!("an event refused after its checks: {e}"))
        }
    }
}

/// Withdraws the channel's consent of the contact (for every team: consent is the contact's),
/// audited with the reason, unless it was already withdrawn.
async fn withdraw(
    tx: &mut Conn,
    contact: ContactId,
    channel: Channel,
    reason: &str,
    source: &Source,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let column = consent_column(channel);
    let changed = db::query(format!(
        "UPDATE contacts SET {column} = FALSE, version = version + 1, updated_at = ?
         WHERE id = ? AND {column} = TRUE"
    ))
    .bind(secs(now))
    .bind(contact.0)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Ok(());
    }
    let entry = AuditEntry {
        at: now,
        actor: None,
        action: "contact.consent_withdrawn",
        subject_type: "contact",
        subject_id: Some(contact.0),
        contact: Some(contact),
        details: serde_json::json!({
            "channel": channel,
            "reason": cut(reason, 200),
            "source": source.id,
            "source_kind": source.kind,
        }),
    };
    audit::record(tx, &entry).await
}
