//! Applying one provider event inside the request's write transaction: deliveries onto the
//! touch, consent withdrawn for every team with the reason, replies and calls in as
//! interactions, opens, clicks and reads as engagement; or, when it cannot be mapped, why.

use super::find::Found;
use super::ingest::cut;
use super::sources::Source;
use crate::domain::consent::Method;
use crate::domain::ids::{ContactId, TouchId};
use crate::domain::lifecycle::status_after_delivery;
use crate::domain::senders::{Outcome, Signal};
use crate::domain::{Channel, DeliveryKind, InteractionKind};
use crate::store::audit::{self, AuditEntry};
use crate::store::consent::record as consent_record;
use crate::store::db::{self, Conn};
use crate::store::events::{consent_column, record_delivery, record_interaction, remember_message};
use crate::store::rows::secs;
use crate::store::{Failure, StoreError};
use chrono::{DateTime, TimeDelta, Utc};

/// Applies one signal inside the transaction; `Ok(Err(reason))` when it cannot be mapped (then
/// nothing was written for it).
pub(super) async fn apply(
    tx: &mut Conn,
    source: &Source,
    signal: &Signal,
    found: &Found,
    claim_term: TimeDelta,
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
                deliver(tx, touch, kind, signal.at, &key, claim_term, now).await?;
                if kind == DeliveryKind::Sent {
                    if let Some(message) = &signal.target.message_id {
                        remember_message(tx, touch, message).await?;
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
            // A hard bounce withdraws consent whatever touch it names.
            None if matches!(signal.outcome, Outcome::Bounced { .. }) => {}
            // It names a touch Concord does not have: kept until the cause is found.
            None if signal.target.touch.is_some() => return Ok(Err(unmapped(signal, found))),
            // A send to a known contact that Concord did not plan (a call dialled by hand, a
            // transactional email): kept in the contact's hook events, no touch to move.
            None => {}
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
            // Consent comes back only with a consent record that allows it (an opt-in on
            // this channel recorded with evidence before the withdrawal); otherwise the
            // request is kept on the contact's trail.
            let restored = resubscribe(tx, contact, signal.channel, source, now).await?;
            let entry = AuditEntry {
                at: now,
                actor: None,
                action: if restored {
                    "contact.resubscribed"
                } else {
                    "contact.resubscribe_asked"
                },
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
        (t, _) if t.address.is_some() && found.contacts.is_empty() => {
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
    claim_term: TimeDelta,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    record_delivery(tx, touch, kind, at, Some(key), Some(claim_term), now)
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
    let method = if reason.to_ascii_lowercase().contains("stop") {
        Method::Keyword
    } else {
        Method::Webhook
    };
    let wording = format!("{} ({})", cut(reason, 200), source.kind);
    consent_record::channel_change(
        tx,
        contact,
        channel,
        false,
        method,
        Some(&wording),
        None,
        now,
    )
    .await?;
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

/// Turns a channel's consent back on after a START-style keyword when an earlier opt-in on it
/// is on record with evidence (a form, an import or an API call with the wording shown);
/// answers whether it did.
async fn resubscribe(
    tx: &mut Conn,
    contact: ContactId,
    channel: Channel,
    source: &Source,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let evidence: Option<i64> = db::query_scalar(
        "SELECT id FROM consent_records
         WHERE contact_id = ? AND channel = ? AND state = 'opted_in'
           AND method IN ('form', 'import', 'api') AND wording IS NOT NULL
         ORDER BY id DESC LIMIT 1",
    )
    .bind(contact.0)
    .bind(channel.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    if evidence.is_none() {
        return Ok(false);
    }
    let column = consent_column(channel);
    db::query(format!(
        "UPDATE contacts SET {column} = TRUE, version = version + 1, updated_at = ? WHERE id = ?"
    ))
    .bind(secs(now))
    .bind(contact.0)
    .execute(&mut *tx)
    .await?;
    let wording = format!("START ({})", source.kind);
    consent_record::channel_change(
        tx,
        contact,
        channel,
        true,
        Method::Keyword,
        Some(&wording),
        None,
        now,
    )
    .await?;
    Ok(true)
}
