//! Campaigns as things: the list of them, newest first, and one with its per-status counts and
//! its recipients, a page at a time.

use crate::domain::ids::{CampaignId, ContactId, TouchId, UserId};
use crate::domain::{Channel, Purpose, TouchStatus};
use crate::models::campaigns::{CampaignRecipient, CampaignSummary};
use crate::store::db;
use crate::store::rows::{instant, json, parsed};
use crate::store::StoreError;
use db::Db;

type SummaryRow = (
    i64,
    String,
    String,
    i64,
    String,
    String,
    String,
    i64,
    i64,
    String,
);

const SELECT: &str = "SELECT c.id, c.title, t.name, c.author_id, u.name, c.channel, c.purpose,
        c.scheduled_at, c.created_at, c.status
     FROM campaigns c JOIN teams t ON t.id = c.team_id JOIN users u ON u.id = c.author_id";

/// The newest campaigns (by id), `limit` of them, below `before` when given.
pub async fn list_campaigns(
    pool: &Db,
    limit: u32,
    before: Option<CampaignId>,
) -> Result<Vec<CampaignSummary>, StoreError> {
    let sql = format!("{SELECT} WHERE c.id < ? ORDER BY c.id DESC LIMIT ?");
    let rows: Vec<SummaryRow> = db::query_as(&sql)
        .bind(before.map_or(i64::MAX, |id| id.0))
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await?;
    let mut found = Vec::with_capacity(rows.len());
    for row in rows {
        found.push(summary(pool, row).await?);
    }
    Ok(found)
}

/// One campaign, if it exists.
pub async fn get_campaign(
    pool: &Db,
    id: CampaignId,
) -> Result<Option<CampaignSummary>, StoreError> {
    let sql = format!("{SELECT} WHERE c.id = ?");
    let row: Option<SummaryRow> = db::query_as(&sql).bind(id.0).fetch_optional(pool).await?;
    match row {
        Some(row) => Ok(Some(summary(pool, row).await?)),
        None => Ok(None),
    }
}

/// The campaign's recipients by contact name, `limit` from `offset`.
pub async fn campaign_recipients(
    pool: &Db,
    id: CampaignId,
    limit: u32,
    offset: u32,
) -> Result<Vec<CampaignRecipient>, StoreError> {
    let rows: Vec<(i64, i64, String, String, i64, String)> = db::query_as(
        "SELECT t.id, t.contact_id, c.name, t.status, t.scheduled_at, t.conflicts
         FROM touches t JOIN contacts c ON c.id = t.contact_id
         WHERE t.campaign_id = ? ORDER BY c.name, t.id LIMIT ? OFFSET ?",
    )
    .bind(id.0)
    .bind(i64::from(limit))
    .bind(i64::from(offset))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(touch, contact, name, status, at, conflicts)| {
            let conflicts: Vec<serde_json::Value> = json(&conflicts)?;
            Ok(CampaignRecipient {
                touch: TouchId(touch),
                contact: ContactId(contact),
                name,
                status: parsed(TouchStatus::parse(&status))?,
                scheduled_at: instant(at)?,
                conflicts: conflicts.len(),
            })
        })
        .collect()
}

async fn summary(pool: &Db, row: SummaryRow) -> Result<CampaignSummary, StoreError> {
    let (id, title, team, author_id, author, channel, purpose, at, created, status) = row;
    let counted: Vec<(String, i64)> =
        db::query_as("SELECT status, COUNT(*) FROM touches WHERE campaign_id = ? GROUP BY status")
            .bind(id)
            .fetch_all(pool)
            .await?;
    let mut counts = Vec::new();
    for status in TouchStatus::ALL {
        if let Some((_, n)) = counted.iter().find(|(s, _)| s == status.as_str()) {
            counts.push((*status, u64::try_from(*n).unwrap_or(0)));
        }
    }
    Ok(CampaignSummary {
        id: CampaignId(id),
        title,
        team,
        author_id: UserId(author_id),
        author,
        channel: parsed(Channel::parse(&channel))?,
        purpose: parsed(Purpose::parse(&purpose))?,
        scheduled_at: instant(at)?,
        created_at: instant(created)?,
        status,
        counts,
    })
}
