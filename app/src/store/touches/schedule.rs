//! Scheduling a touch atomically: in one `BEGIN IMMEDIATE` transaction the ledger is read, the
//! engine decides, the touch is inserted as `planned` (no block conflict) or `pending_review`,
//! the author's claim is renewed when they own the contact, and the audit row is written. Two
//! planners racing for the last slot of a cap are serialized by SQLite's write lock.

use super::context::load;
use super::get::touch_row;
use super::{blocked, rule_ids};
use crate::domain::lifecycle::status_after_check;
use crate::domain::{evaluate, Conflict, NewTouch};
use crate::records::TouchRecord;
use crate::store::audit::{self, AuditEntry};
use crate::store::claims::renew;
use crate::store::db;
use crate::store::rows::{secs, to_json};
use crate::store::tx::begin_for_contacts;
use crate::store::{refuse, Failure, StoreError};
use chrono::{DateTime, TimeDelta, Utc};
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
}

/// Checks and stores the touch in one write transaction.
#[tracing::instrument(skip_all, fields(contact.id = %touch.contact))]
pub async fn schedule(
    pool: &Db,
    touch: &NewTouch,
    now: DateTime<Utc>,
) -> Result<Scheduled, Failure<ScheduleError>> {
    let p = &touch.proposed;
    let mut tx = begin_for_contacts(pool, &[touch.contact.0]).await?;
    let team: Option<i64> = db::query_scalar("SELECT id FROM teams WHERE id = ?")
        .bind(p.team.0)
        .fetch_optional(&mut tx)
        .await?;
    if team.is_none() {
        return refuse(ScheduleError::TeamNotFound);
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
    let Some(cx) = load(
        &mut tx,
        touch.contact,
        p.scheduled_at,
        TimeDelta::zero(),
        now,
    )
    .await?
    else {
        return refuse(ScheduleError::ContactNotFound);
    };
    let conflicts = evaluate(
        &cx.facts,
        cx.ledger.view(),
        &cx.rules,
        std::slice::from_ref(p),
    );
    let status = status_after_check(blocked(&conflicts));
    let id: i64 = db::query_scalar(
        "INSERT INTO touches (contact_id, channel, purpose, team_id, author_id, campaign_id,
             scheduled_at, title, notes, automated, personalized, audience, status, conflicts,
             version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
         RETURNING id",
    )
    .bind(touch.contact.0)
    .bind(p.channel.as_str())
    .bind(p.purpose.as_str())
    .bind(p.team.0)
    .bind(p.author.0)
    .bind(p.campaign.map(|c| c.0))
    .bind(secs(p.scheduled_at))
    .bind(&touch.title)
    .bind(&touch.notes)
    .bind(p.automated)
    .bind(p.personalized)
    .bind(p.audience.as_ref().map(|a| a.to_string()))
    .bind(status.as_str())
    .bind(to_json(&conflicts))
    .bind(secs(now))
    .bind(secs(now))
    .fetch_one(&mut tx)
    .await?;
    if status.counts() {
        renew(&mut tx, touch.contact, p.author, now, cx.rules.claim_term()).await?;
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(p.author),
        action: if status.counts() {
            "touch.planned"
        } else {
            "touch.pending_review"
        },
        subject_type: "touch",
        subject_id: Some(id),
        contact: Some(touch.contact),
        details: serde_json::json!({ "conflicts": rule_ids(&conflicts) }),
    };
    audit::record(&mut tx, &entry).await?;
    let row = touch_row(&mut tx, crate::domain::ids::TouchId(id))
        .await?
        .ok_or_else(|| StoreError::Corrupt("a touch vanished while stored".into()))?;
    tx.commit().await?;
    tracing::info!(touch.id = id, status = %status, "touch scheduled");
    Ok(Scheduled {
        touch: row.record()?,
        conflicts,
    })
}
