//! Mapping what a source reported onto the ledger, in one write transaction per request: each
//! event is taken once (the provider's id, per source), its touch found by the id the sender
//! put in the provider's metadata or by the provider's message id, its contact by the touch or
//! by address; what cannot be mapped goes to the dead-letter list with the reason.

use super::apply::apply;
use super::find::{find_all, find_on, Found};
use super::sources::Source;
use crate::domain::senders::Signal;
use crate::store::db::{self, Conn, Db, SqlBuilder};
use crate::store::rows::secs;
use crate::store::rules::load_rules;
use crate::store::tx::begin_for_contacts;
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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

/// Takes in a request's signals from `source`; `raw` is the body as received (kept with a
/// dead letter).
pub async fn ingest(
    pool: &Db,
    source: &Source,
    signals: &[Signal],
    raw: &str,
    now: DateTime<Utc>,
) -> Result<HookReport, StoreError> {
    // A retry of a whole batch is answered from one look at what was taken before.
    let taken = taken_before(pool, source.id, signals).await?;
    let mut report = HookReport {
        duplicates: signals.len(),
        ..HookReport::default()
    };
    // Each event once: those taken before, and repeats within this request, are duplicates.
    let mut seen = HashSet::new();
    let signals: Vec<&Signal> = signals
        .iter()
        .filter(|s| !taken.contains(&s.event_id) && seen.insert(s.event_id.as_str()))
        .collect();
    report.duplicates -= signals.len();
    if signals.is_empty() {
        return Ok(report);
    }
    let found = find_all(pool, &signals).await?;
    let contacts: Vec<i64> = found
        .iter()
        .flat_map(|f| f.contacts.iter().map(|c| c.0))
        .collect();
    let mut tx = begin_for_contacts(pool, &contacts).await?;
    // Read once for the whole batch: a delivery renews its author's claim by this term.
    let claim_term = load_rules(&mut tx).await?.claim_term();
    let excerpt = if signals.len() == 1 {
        cut(raw, 65_536)
    } else {
        cut(raw, 4_096)
    };
    // Taken in a few statements; a request racing this one with the same events finds them
    // taken here, under the unique index, and counts them as duplicates.
    let ours = take(&mut tx, source.id, &signals, &found, now).await?;
    report.duplicates += signals.len() - ours.len();
    for (&signal, found) in signals.iter().zip(found) {
        if !ours.contains(signal.event_id.as_str()) {
            continue;
        }
        // An event naming only a message id that an earlier event of this request recorded
        // (`processed`, then `delivered`) is found again inside the transaction.
        let found = match (&found.touch, &signal.target.message_id) {
            (None, Some(_)) => {
                let again = find_on(&mut tx, signal).await?;
                let ids: Vec<i64> = again.contacts.iter().map(|c| c.0).collect();
                tx.lock_contacts(&ids).await?;
                if let Some((touch, _)) = again.touch {
                    db::query(
                        "UPDATE hook_events SET touch_id = ?, contact_id = ?
                         WHERE source_id = ? AND event_id = ?",
                    )
                    .bind(touch.0)
                    .bind(again.contacts.first().map(|c| c.0))
                    .bind(source.id)
                    .bind(&signal.event_id)
                    .execute(&mut tx)
                    .await?;
                }
                again
            }
            _ => found,
        };
        let found = &found;
        match apply(&mut tx, source, signal, found, claim_term, now).await? {
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

/// Records `signals` (none taken before, none repeated) as taken by `source`, in statements of
/// a few hundred rows; answers the event ids this transaction took (a racing request may have
/// taken some first).
async fn take(
    tx: &mut Conn,
    source: i64,
    signals: &[&Signal],
    found: &[Found],
    now: DateTime<Utc>,
) -> Result<HashSet<String>, StoreError> {
    let mut ours = HashSet::new();
    let rows: Vec<(&Signal, &Found)> = signals.iter().copied().zip(found).collect();
    for chunk in rows.chunks(500) {
        let mut sql = SqlBuilder::new(
            "INSERT INTO hook_events (source_id, event_id, outcome, contact_id, touch_id, received_at) VALUES ",
        );
        for (i, (signal, found)) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push("(")
                .push_bind(source)
                .push(", ")
                .push_bind(signal.event_id.clone())
                .push(", ")
                .push_bind(signal.outcome.name())
                .push(", ")
                .push_bind(found.contacts.first().map(|c| c.0))
                .push(", ")
                .push_bind(found.touch.map(|(t, _)| t.0))
                .push(", ")
                .push_bind(secs(now))
                .push(")");
        }
        sql.push(" ON CONFLICT (source_id, event_id) DO NOTHING RETURNING event_id");
        ours.extend(
            sql.build_query_scalar::<String>()
                .fetch_all(&mut *tx)
                .await?,
        );
    }
    Ok(ours)
}

/// The event ids among `signals` that source `source` already took in.
async fn taken_before(
    pool: &Db,
    source: i64,
    signals: &[Signal],
) -> Result<HashSet<String>, StoreError> {
    let mut taken = HashSet::new();
    for chunk in signals.chunks(500) {
        let mut sql = SqlBuilder::new("SELECT event_id FROM hook_events WHERE source_id = ");
        sql.push_bind(source).push(" AND event_id IN (");
        for (i, signal) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.push_bind(signal.event_id.clone());
        }
        sql.push(")");
        taken.extend(sql.build_query_scalar::<String>().fetch_all(pool).await?);
    }
    Ok(taken)
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
