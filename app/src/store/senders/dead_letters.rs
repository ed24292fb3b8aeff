//! The dead-letter list: what a source sent that verified but could not be mapped (an unknown
//! contact or touch), kept with the reason until an admin replays it
//! after fixing the cause. Nothing a provider sends is silently dropped.

use super::apply::apply;
use super::find::find_all;
use super::sources::get_source;
use crate::domain::senders::Signal;
use crate::store::audit::{self, AuditEntry};
use crate::store::db::{self, Db};
use crate::store::rows::{instant, secs};
use crate::store::rules::load_rules;
use crate::store::tx::begin_for_contacts;
use crate::store::{refuse, Failure, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One dead letter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeadLetter {
    /// Its id.
    pub id: i64,
    /// The source it came from, and that source's label.
    pub source_id: i64,
    /// The source's label.
    pub source_label: String,
    /// The provider's event id, when the payload was read.
    pub event_id: Option<String>,
    /// Why it was not mapped.
    pub reason: String,
    /// What the event said, normalised.
    pub signal: Signal,
    /// The body as received (cut).
    pub payload: String,
    /// When it arrived.
    pub received_at: DateTime<Utc>,
    /// When it was replayed successfully.
    pub replayed_at: Option<DateTime<Utc>>,
}

/// Why a replay did not map the event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ReplayError {
    /// No such dead letter.
    #[error("no such dead letter")]
    NotFound,
    /// Already replayed.
    #[error("this event was already replayed")]
    AlreadyReplayed,
    /// Still not mappable.
    #[error("still not mapped: {0}")]
    StillUnmapped(String),
}

type Row = (
    i64,
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    i64,
    Option<i64>,
);

/// The dead letters, newest first: those not replayed yet, or all.
pub async fn dead_letters(
    pool: &Db,
    include_replayed: bool,
    limit: i64,
) -> Result<Vec<DeadLetter>, StoreError> {
    let rows = db::query_as::<Row>(
        "SELECT d.id, d.source_id, s.label, d.event_id, d.reason, d.signal, d.payload,
                d.received_at, d.replayed_at
         FROM dead_letters d JOIN sources s ON s.id = d.source_id
         WHERE ? OR d.replayed_at IS NULL ORDER BY d.id DESC LIMIT ?",
    )
    .bind(include_replayed)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(
            |(
                id,
                source_id,
                source_label,
                event_id,
                reason,
                signal,
                payload,
                received,
                replayed,
            )| {
                Ok(DeadLetter {
                    id,
                    source_id,
                    source_label,
                    event_id,
                    reason,
                    signal: stored_signal(signal)?,
                    payload,
                    received_at: instant(received)?,
                    replayed_at: replayed.map(instant).transpose()?,
                })
            },
        )
        .collect()
}

/// Maps a dead letter again (after its cause was fixed, e.g. the contact was added): on
/// success it is marked replayed, with an audit row naming the admin.
pub async fn replay(
    pool: &Db,
    id: i64,
    actor: crate::domain::ids::UserId,
    now: DateTime<Utc>,
) -> Result<(), Failure<ReplayError>> {
    let row = db::query_as::<(i64, Option<String>, Option<i64>)>(
        "SELECT source_id, signal, replayed_at FROM dead_letters WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some((source_id, signal, replayed)) = row else {
        return refuse(ReplayError::NotFound);
    };
    if replayed.is_some() {
        return refuse(ReplayError::AlreadyReplayed);
    }
    let signal = stored_signal(signal)?;
    let source = get_source(pool, source_id)
        .await?
        .ok_or_else(|| StoreError::Corrupt("a dead letter's source vanished".into()))?;
    let found = find_all(pool, &[&signal]).await?.pop().unwrap_or_default();
    let contacts: Vec<i64> = found.contacts.iter().map(|c| c.0).collect();
    let mut tx = begin_for_contacts(pool, &contacts).await?;
    let done =
        db::query("UPDATE dead_letters SET replayed_at = ? WHERE id = ? AND replayed_at IS NULL")
            .bind(secs(now))
            .bind(id)
            .execute(&mut tx)
            .await?;
    if done.rows_affected() == 0 {
        return refuse(ReplayError::AlreadyReplayed);
    }
    let claim_term = load_rules(&mut tx).await?.claim_term();
    if let Err(reason) = apply(&mut tx, &source, &signal, &found, claim_term, now).await? {
        return refuse(ReplayError::StillUnmapped(reason));
    }
    db::query(
        "UPDATE hook_events SET contact_id = ?, touch_id = ? WHERE source_id = ? AND event_id = ?",
    )
    .bind(found.contacts.first().map(|c| c.0))
    .bind(found.touch.map(|(t, _)| t.0))
    .bind(source.id)
    .bind(&signal.event_id)
    .execute(&mut tx)
    .await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "dead_letter.replayed",
        subject_type: "dead_letter",
        subject_id: Some(id),
        contact: found.contacts.first().copied(),
        details: serde_json::json!({ "source": source.id, "outcome": signal.outcome.name() }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// A dead letter's event, as stored (every dead letter keeps one).
fn stored_signal(stored: Option<String>) -> Result<Signal, StoreError> {
    let text =
        stored.ok_or_else(|| StoreError::Corrupt("a dead letter without its event".into()))?;
    serde_json::from_str(&text)
        .map_err(|e| StoreError::Corrupt(format!("a dead letter's event: {e}")))
}
