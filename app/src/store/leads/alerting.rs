//! Contacts with an `unanswered_reply` or `cadence_gap` alert. Alerts are computed, not stored,
//! so this reads the few contacts that could have one (a recent reply, call-in or form; or a
//! live claim) and runs the pure engine on each, exactly as the contact timeline does.

use super::capped::Page;
use super::row::{LeadRowDb, LEAD_SELECT};
use crate::domain::ids::{ContactId, UserId};
use crate::domain::{alerts, Alert, AlertId};
use crate::models::leads::Capped;
use crate::store::contacts::contact_row;
use crate::store::db;
use crate::store::ledger::read_ledger;
use crate::store::rows::secs;
use crate::store::rules::load_rules;
use crate::store::timeline::ALERT_LOOKBACK;
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use db::Conn;

/// At most this many candidates are evaluated, the most recently active first.
const MAX_CANDIDATES: i64 = 2_000;

/// A page of the alerting contacts, oldest alert first, and how many there are; with `owner`,
/// only the contacts that user holds a live claim on.
pub async fn alerting(
    conn: &mut Conn,
    viewer: UserId,
    owner: Option<UserId>,
    now: DateTime<Utc>,
    page: Page,
) -> Result<Capped, StoreError> {
    let since = secs(now - ALERT_LOOKBACK);
    let held_by = if owner.is_some() {
        "WHERE contact_id IN (SELECT contact_id FROM claims
                              WHERE ended_at IS NULL AND expires_at > ? AND user_id = ?)"
    } else {
        ""
    };
    let sql = format!(
        "SELECT contact_id FROM (
             SELECT contact_id, MAX(at) AS active FROM interactions
             WHERE at >= ? AND at <= ? AND kind IN ('reply', 'call_in', 'form')
             GROUP BY contact_id
             UNION ALL
             SELECT contact_id, renewed_at AS active FROM claims
             WHERE ended_at IS NULL AND expires_at > ?
         ) a {held_by} GROUP BY contact_id ORDER BY MAX(active) DESC, contact_id LIMIT ?"
    );
    let mut query = db::query_scalar(&sql)
        .bind(since)
        .bind(secs(now))
        .bind(secs(now));
    if let Some(owner) = owner {
        query = query.bind(secs(now)).bind(owner.0);
    }
    let candidates: Vec<i64> = query.bind(MAX_CANDIDATES).fetch_all(&mut *conn).await?;
    let rules = load_rules(&mut *conn).await?;
    let mut found: Vec<(ContactId, Vec<Alert>)> = Vec::new();
    for id in candidates.into_iter().map(ContactId) {
        let Some(row) = contact_row(&mut *conn, id).await? else {
            continue;
        };
        let facts = row.facts(now)?;
        let ledger = read_ledger(&mut *conn, id, now - ALERT_LOOKBACK, now + rules.reach()).await?;
        let mut names = ledger.names.clone();
        if let (Some(claim), Some(name)) = (facts.claim, row.owner_name.as_ref()) {
            names.insert_user(claim.owner, name.clone());
        }
        let held: Vec<Alert> = alerts(&facts, ledger.view().with_names(&names), &rules, now)
            .into_iter()
            .filter(|a| matches!(a.alert, AlertId::UnansweredReply | AlertId::CadenceGap))
            .collect();
        if !held.is_empty() {
            found.push((id, held));
        }
    }
    found.sort_by_key(|(id, held)| (held.iter().map(|a| a.since).min(), *id));
    let total = found.len() as u64;
    let offset = usize::try_from(page.offset()).unwrap_or(usize::MAX);
    let found: Vec<_> = found
        .into_iter()
        .skip(offset)
        .take(page.limit as usize)
        .collect();
    let mut rows = Vec::with_capacity(found.len());
    for (id, held) in found {
        let row: Option<LeadRowDb> = db::query_as(format!("{LEAD_SELECT} WHERE c.id = ?"))
            .bind(viewer.0)
            .bind(secs(now))
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(row) = row {
            let mut record = row.record()?;
            record.alerts = held;
            rows.push(record);
        }
    }
    Ok(Capped {
        rows,
        total,
        offset: page.offset() as u64,
        above: 0,
    })
}
