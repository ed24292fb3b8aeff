//! A contact's timeline: the contact with its live owner, its touches and interactions in a
//! range (one indexed range query each) and the alerts that hold now.

use super::contacts::contact_row;
use super::ledger::read_ledger;
use super::rows::{InteractionRow, TouchRow};
use super::rules::load_rules;
use super::StoreError;
use crate::domain::alerts;
use crate::domain::ids::ContactId;
use crate::store::db;
use chrono::{DateTime, TimeDelta, Utc};
use db::Db;

/// How far back alerts look (cadence and unanswered replies).
pub const ALERT_LOOKBACK: TimeDelta = TimeDelta::days(90);

pub use crate::records::Timeline;

/// The timeline in `[from, to)`, or `None` when the contact does not exist.
#[tracing::instrument(skip_all, fields(contact.id = %id))]
pub async fn timeline(
    pool: &Db,
    id: ContactId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Option<Timeline>, StoreError> {
    let mut conn = pool.acquire().await?;
    let Some(row) = contact_row(&mut conn, id).await? else {
        return Ok(None);
    };
    let rules = load_rules(&mut conn).await?;
    let facts = row.facts(now)?;
    let recent = read_ledger(&mut conn, id, now - ALERT_LOOKBACK, now + rules.reach()).await?;
    let mut names = recent.names.clone();
    if let (Some(claim), Some(name)) = (facts.claim, row.owner_name.as_ref()) {
        names.insert_user(claim.owner, name.clone());
    }
    let view = recent.view().with_names(&names);
    let alerts = alerts(&facts, view, &rules, now);
    let range = read_ledger(&mut conn, id, from, to).await?;
    let consent_history = super::consent::history::history(&mut conn, id, 50).await?;
    Ok(Some(Timeline {
        consent_history,
        contact: row.record(now)?,
        touches: range
            .rows
            .into_iter()
            .map(TouchRow::record)
            .collect::<Result<_, _>>()?,
        interactions: range
            .interactions
            .iter()
            .map(InteractionRow::record)
            .collect::<Result<_, _>>()?,
        alerts,
    }))
}
