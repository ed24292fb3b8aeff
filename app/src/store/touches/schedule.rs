//! Scheduling a touch atomically: in one transaction that holds the contact (SQLite's write
//! lock; on PostgreSQL the contact's row lock) the ledger is read, the engine decides under the
//! current rules, the touch is inserted as `planned` (no block conflict) or `pending_review`,
//! the author's claim is renewed when they own the contact, and the audit row is written. Two
//! planners racing for the last slot of a cap are serialized by that lock. Every statement is
//! one round trip to PostgreSQL, so the stored touch is answered from what was written rather
//! than read back.

use super::context::lock_and_load;
use super::{blocked, rule_ids};
use crate::domain::lifecycle::status_after_check;
use crate::domain::planning_time::{from_now_on, InThePast, GRACE};
use crate::domain::TouchStatus;
use crate::domain::{evaluate, Conflict, NewTouch, Rules};
use crate::records::TouchRecord;
use crate::store::audit::{self, AuditEntry};
use crate::store::claims::renew_open;
use crate::store::db;
use crate::store::rows::{secs, to_json, TouchRow};
use crate::store::tx::begin_for_contacts;
use crate::store::{refuse, Failure, StoreError};
use chrono::{DateTime, Utc};
use db::Db;
use serde::{Deserialize, Serialize};

/// A stored touch and the conflicts found when it was checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scheduled {
    /// The touch as stored (its status says `planned` or `pending_review`).
    pub touch: TouchRecord,
    /// Every conflict found, blocks first.
    pub conflicts: Vec<Conflict>,
}

/// Why a touch could not be scheduled or checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ScheduleError {
    /// No such contact.
    #[error("contact_id: no such contact")]
    ContactNotFound,
    /// No such team.
    #[error("team_id: no such team")]
    TeamNotFound,
    /// No such campaign.
    #[error("campaign_id: no such campaign")]
    CampaignNotFound,
    /// No such consent topic.
    #[error("topic: there is no topic {0}; GET /api/v1/topics lists them")]
    TopicNotFound(crate::domain::consent::Topic),
    /// The time asked for has passed.
    #[error("scheduled_at: {0}")]
    InThePast(#[from] InThePast),
    /// A touch logged as done is in the future.
    #[error(
        "scheduled_at: a touch that is logged as done cannot be in the future; plan it instead"
    )]
    NotYet,
}

/// Planning a touch, or logging one that already happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// From now on; stored `planned`, or `pending_review` when a rule blocks.
    Plan,
    /// Up to now; stored `sent` at its time, with the conflicts it had (nothing is decided).
    Log,
}

/// Checks the touch against `rules` (the current rule set, e.g. from the
/// [`RulesCache`](crate::store::rules_cache::RulesCache)) and stores it in one write transaction.
#[tracing::instrument(skip_all, fields(contact.id = %touch.contact))]
pub async fn schedule(
    pool: &Db,
    rules: &Rules,
    touch: &NewTouch,
    now: DateTime<Utc>,
) -> Result<Scheduled, Failure<ScheduleError>> {
    store(pool, rules, touch, now, Mode::Plan).await
}

/// Logs a touch that already happened (a call made, a letter posted outside Concord): stored
/// as `sent` at its time, which must not be in the future, so that it counts from then on.
#[tracing::instrument(skip_all, fields(contact.id = %touch.contact))]
pub async fn log(
    pool: &Db,
    rules: &Rules,
    touch: &NewTouch,
    now: DateTime<Utc>,
) -> Result<Scheduled, Failure<ScheduleError>> {
    store(pool, rules, touch, now, Mode::Log).await
}

async fn store(
    pool: &Db,
    rules: &Rules,
    touch: &NewTouch,
    now: DateTime<Utc>,
    mode: Mode,
) -> Result<Scheduled, Failure<ScheduleError>> {
    let p = &touch.proposed;
    match mode {
        Mode::Plan => from_now_on(p.scheduled_at, now).map_err(|e| Failure::Refused(e.into()))?,
        Mode::Log if p.scheduled_at > now + GRACE => return refuse(ScheduleError::NotYet),
        Mode::Log => {}
    }
    // The contact is locked as it is read, below: no row is locked yet.
    let mut tx = begin_for_contacts(pool, &[]).await?;
    let (team_name, author_name): (Option<String>, Option<String>) = db::query_as(
        "SELECT (SELECT name FROM teams WHERE id = ?), (SELECT name FROM users WHERE id = ?)",
    )
    .bind(p.team.0)
    .bind(p.author.0)
    .fetch_one(&mut tx)
    .await?;
    let Some(team_name) = team_name else {
        return refuse(ScheduleError::TeamNotFound);
    };
    let author_name = author_name
        .ok_or_else(|| StoreError::Corrupt(format!("no user {} plans this touch", p.author.0)))?;
    if let Some(topic) = &p.topic {
        if let Some(missing) = crate::store::consent::topics::unknown(&mut tx, &[topic])
            .await?
            .pop()
        {
            return refuse(ScheduleError::TopicNotFound(missing));
        }
    }
    if let Some(campaign) = p.campaign {
        let found: Option<i64> = db::query_scalar("SELECT id FROM campaigns WHERE id = ?")
            .bind(campaign.0)
            .fetch_optional(&mut tx)
            .await?;
        if found.is_none() {
            return refuse(ScheduleError::CampaignNotFound);
        }
    }
    let Some(cx) =
        lock_and_load(&mut tx, rules.clone(), touch.contact, p.scheduled_at, now).await?
    else {
        return refuse(ScheduleError::ContactNotFound);
    };
    let conflicts = evaluate(
        &cx.facts,
        cx.ledger.view(),
        &cx.rules,
        std::slice::from_ref(p),
    );
    let status = match mode {
        Mode::Plan => status_after_check(blocked(&conflicts)),
        Mode::Log => TouchStatus::Sent,
    };
    let sent_at = (mode == Mode::Log).then_some(secs(p.scheduled_at));
    let row = TouchRow {
        id: 0,
        contact_id: touch.contact.0,
        channel: p.channel.as_str().to_owned(),
        purpose: p.purpose.as_str().to_owned(),
        team_id: p.team.0,
        author_id: p.author.0,
        campaign_id: p.campaign.map(|c| c.0),
        scheduled_at: secs(p.scheduled_at),
        title: touch.title.clone(),
        notes: touch.notes.clone(),
        automated: p.automated,
        personalized: p.personalized,
        audience: p.audience.as_ref().map(|a| a.to_string()),
        status: status.as_str().to_owned(),
        conflicts: to_json(&conflicts),
        version: 1,
        sent_at,
        created_at: secs(now),
        updated_at: secs(now),
        team_name,
        author_name,
    };
    let id: i64 = db::query_scalar(
        "INSERT INTO touches (contact_id, channel, purpose, team_id, author_id, campaign_id,
             scheduled_at, title, notes, automated, personalized, audience, status, conflicts,
             version, created_at, updated_at, topic, sent_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
         RETURNING id",
    )
    .bind(row.contact_id)
    .bind(&row.channel)
    .bind(&row.purpose)
    .bind(row.team_id)
    .bind(row.author_id)
    .bind(row.campaign_id)
    .bind(row.scheduled_at)
    .bind(&row.title)
    .bind(&row.notes)
    .bind(row.automated)
    .bind(row.personalized)
    .bind(&row.audience)
    .bind(&row.status)
    .bind(&row.conflicts)
    .bind(row.created_at)
    .bind(row.updated_at)
    .bind(p.topic.as_ref().map(|t| t.as_str()))
    .bind(sent_at)
    .fetch_one(&mut tx)
    .await?;
    if mode == Mode::Plan && status.counts() {
        let claim = cx.facts.claim;
        renew_open(
            &mut tx,
            touch.contact,
            claim,
            p.author,
            now,
            cx.rules.claim_term(),
        )
        .await?;
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(p.author),
        action: match (mode, status.counts()) {
            (Mode::Log, _) => "touch.logged",
            (Mode::Plan, true) => "touch.planned",
            (Mode::Plan, false) => "touch.pending_review",
        },
        subject_type: "touch",
        subject_id: Some(id),
        contact: Some(touch.contact),
        details: serde_json::json!({ "conflicts": rule_ids(&conflicts) }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    let row = TouchRow { id, ..row };
    tracing::info!(touch.id = id, status = %status, "touch scheduled");
    Ok(Scheduled {
        touch: row.record()?,
        conflicts,
    })
}
