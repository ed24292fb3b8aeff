//! Creating a campaign, all or nothing: in one `BEGIN IMMEDIATE` transaction the campaign row is
//! inserted, every recipient's ledger is read (in chunks, by the preview's range queries) and
//! its touch decided and inserted (in batches), and one audit row is written. Any failure rolls
//! everything back: no campaign, no touches.

use super::insert::TouchBatch;
use super::plan::plan;
use super::{CampaignCreated, CampaignError, NewCampaign, SHIFT_HORIZON};
use crate::domain::ids::CampaignId;
use crate::domain::{Evaluator, Stage};
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::names::all_names;
use crate::store::preview::{ledger_window, Recipients};
use crate::store::rows::{secs, to_json};
use crate::store::rules::load_rules;
use crate::store::tx::begin_for_contacts;
use crate::store::{refuse, Failure};
use chrono::{DateTime, Utc};
use db::Db;

/// Creates the campaign and its touches: unblocked recipients get a `planned` touch; blocked
/// ones are excluded, shifted to their next allowed instant within [`SHIFT_HORIZON`] (or
/// excluded when there is none), or stored as `pending_review` (and the campaign with them),
/// as `on_conflict` says.
#[tracing::instrument(skip_all, fields(on_conflict = %campaign.on_conflict))]
pub async fn create_campaign(
    pool: &Db,
    campaign: &NewCampaign,
    now: DateTime<Utc>,
) -> Result<CampaignCreated, Failure<CampaignError>> {
    if campaign.title.trim().is_empty() {
        return refuse(CampaignError::BlankTitle);
    }
    // Recipients are locked chunk by chunk, in id order, as they are read.
    let mut tx = begin_for_contacts(pool, &[]).await?;
    let team: Option<i64> = db::query_scalar("SELECT id FROM teams WHERE id = ?")
        .bind(campaign.team.0)
        .fetch_optional(&mut tx)
        .await?;
    if team.is_none() {
        return refuse(CampaignError::TeamNotFound);
    }
    let author: Option<i64> = db::query_scalar("SELECT id FROM users WHERE id = ?")
        .bind(campaign.author.0)
        .fetch_optional(&mut tx)
        .await?;
    if author.is_none() {
        return refuse(CampaignError::AuthorNotFound);
    }
    let rules = load_rules(&mut tx).await?;
    let names = all_names(&mut tx).await?;
    let at = campaign.scheduled_at;
    let id: i64 = db::query_scalar(
        "INSERT INTO campaigns (title, team_id, author_id, channel, purpose, scheduled_at,
             audience, on_conflict, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?)
         RETURNING id",
    )
    .bind(&campaign.title)
    .bind(campaign.team.0)
    .bind(campaign.author.0)
    .bind(campaign.channel.as_str())
    .bind(campaign.purpose.as_str())
    .bind(secs(at))
    .bind(audience_json(campaign))
    .bind(campaign.on_conflict.as_str())
    .bind(secs(now))
    .fetch_one(&mut tx)
    .await?;
    let window = ledger_window(&rules, at, SHIFT_HORIZON);
    let mut recipients = Recipients::start(&mut tx, &campaign.audience, window, at).await?;
    let touch = recipients.touch(&campaign.touch(Some(CampaignId(id))));
    let mut evaluator = Evaluator::new(&rules);
    let mut batch = TouchBatch::new(campaign, id, &touch, now);
    let mut created = CampaignCreated {
        id: CampaignId(id),
        recipients: 0,
        planned: 0,
        pending_review: 0,
        shifted: 0,
        excluded: 0,
    };
    loop {
        let chunk = recipients.next_chunk(&mut tx).await?;
        if chunk.is_empty() {
            break;
        }
        for recipient in &chunk {
            let (placement, planned) = plan(
                &mut evaluator,
                &names,
                &touch,
                campaign.on_conflict,
                recipient,
            );
            created.add(placement, at);
            if let Some(planned) = planned {
                batch.push(&mut tx, planned).await?;
            }
        }
    }
    batch.flush(&mut tx).await?;
    let status = if created.pending_review > 0 {
        "pending_review"
    } else {
        "planned"
    };
    db::query("UPDATE campaigns SET status = ? WHERE id = ?")
        .bind(status)
        .bind(id)
        .execute(&mut tx)
        .await?;
    let entry = AuditEntry {
        at: now,
        actor: Some(campaign.author),
        action: if status == "planned" {
            "campaign.planned"
        } else {
            "campaign.pending_review"
        },
        subject_type: "campaign",
        subject_id: Some(id),
        contact: None,
        details: serde_json::json!({
            "on_conflict": campaign.on_conflict.as_str(),
            "recipients": created.recipients,
            "planned": created.planned,
            "pending_review": created.pending_review,
            "shifted": created.shifted,
            "excluded": created.excluded,
        }),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(
        campaign.id = id,
        recipients = created.recipients,
        "campaign created"
    );
    Ok(created)
}

/// The audience as stored with the campaign: stages, conditions as written, explicit ids, limit.
fn audience_json(campaign: &NewCampaign) -> String {
    let audience = &campaign.audience;
    let stages: Vec<&str> = audience.stages.iter().map(|s: &Stage| s.as_str()).collect();
    to_json(&serde_json::json!({
        "stages": stages,
        "conditions": audience.conditions.to_string(),
        "contact_ids": audience.contact_ids,
        "limit": audience.limit,
    }))
}
