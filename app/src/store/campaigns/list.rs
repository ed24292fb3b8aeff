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
    // The page holds every campaign with an id in its range, so one query counts them all.
    let (Some(low), Some(high)) = (rows.last().map(|r| r.0), rows.first().map(|r| r.0)) else {
        return Ok(Vec::new());
    };
    let counted = counts_between(pool, low, high).await?;
    rows.into_iter()
        .map(|row| {
            let id = row.0;
            summary(row, counted.iter().filter(|(c, _, _)| *c == id))
        })
        .collect()
}

/// One campaign, if it exists.
pub async fn get_campaign(
    pool: &Db,
    id: CampaignId,
) -> Result<Option<CampaignSummary>, StoreError> {
    let sql = format!("{SELECT} WHERE c.id = ?");
    let row: Option<SummaryRow> = db::query_as(&sql).bind(id.0).fetch_optional(pool).await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let counted = counts_between(pool, id.0, id.0).await?;
    summary(row, counted.iter()).map(Some)
}

/// `(campaign, status, touches)` for the campaigns with ids in `[low, high]`.
async fn counts_between(
    pool: &Db,
    low: i64,
    high: i64,
) -> Result<Vec<(i64, String, i64)>, StoreError> {
    Ok(db::query_as(
        "SELECT campaign_id, status, COUNT(*) FROM touches
         WHERE campaign_id >= ? AND campaign_id <= ? GROUP BY campaign_id, status",
    )
    .bind(low)
    .bind(high)
    .fetch_all(pool)
    .await?)
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

/// The campaign of `row` with its counts (`counted`: its `(campaign, status, touches)` rows).
fn summary<'a>(
    row: SummaryRow,
    counted: impl Iterator<Item = &'a (i64, String, i64)> + Clone,
) -> Result<CampaignSummary, StoreError> {
    let (id, title, team, author_id, author, channel, purpose, at, created, status) = row;
    let mut counts = Vec::new();
    for status in TouchStatus::ALL {
        if let Some((_, _, n)) = counted.clone().find(|(_, s, _)| s == status.as_str()) {
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
