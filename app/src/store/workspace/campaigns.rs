//! A planner's campaigns still to go out and what conflicts with them, for the start page.
//! Conflicts are the engine's, as stored on each touch at its last check: those on the
//! campaign's own touches, and those on touches planned since that name one of its touches.
//!
//! The JSON functions differ: SQLite's `json_each`, PostgreSQL's `jsonb_array_elements`.

use crate::domain::ids::{CampaignId, UserId};
use crate::domain::{RuleId, Severity};
use crate::models::my_campaigns::{MyCampaign, MyCampaigns, RuleCount};
use crate::store::campaigns::get_campaign;
use crate::store::db;
use crate::store::rows::{parsed, secs};
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use db::Db;

/// The statuses of a touch that has not gone out and still may.
const TO_GO: &str = "('planned', 'pending_review', 'approved')";

/// `author`'s campaigns with a touch still to go out after `now`, soonest first: the first
/// `limit` with what they run into, and how many there are.
pub async fn my_campaigns(
    pool: &Db,
    author: UserId,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<MyCampaigns, StoreError> {
    // The hourly counts name the campaigns with a touch in this hour or later at once; only
    // those are checked touch by touch (a past campaign of a million recipients is not read).
    let ids: Vec<i64> = db::query_scalar(format!(
        "SELECT c.id FROM campaigns c
         WHERE c.author_id = ? AND c.status <> 'cancelled'
           AND c.id IN (SELECT h.campaign_id FROM touch_hours h
                        WHERE h.hour >= ? AND h.campaign_id <> 0 AND h.status IN {TO_GO}
                          AND h.touches > 0)
           AND EXISTS (SELECT 1 FROM touches t WHERE t.campaign_id = c.id
                       AND t.scheduled_at >= ? AND t.status IN {TO_GO})
         ORDER BY c.scheduled_at, c.id"
    ))
    .bind(author.0)
    .bind(secs(now).div_euclid(3600))
    .bind(secs(now))
    .fetch_all(pool)
    .await?;
    let mut campaigns = Vec::new();
    for id in ids.iter().take(limit).map(|id| CampaignId(*id)) {
        let Some(campaign) = get_campaign(pool, id).await? else {
            continue;
        };
        campaigns.push(MyCampaign {
            campaign,
            runs_into: runs_into(pool, id, now).await?,
            run_into_by: run_into_by(pool, id, now).await?,
        });
    }
    Ok(MyCampaigns {
        campaigns,
        total: ids.len() as u64,
    })
}

/// The rules the campaign's touches still to go out after `now` run into, most touches first.
/// The time bound lets both engines start from the few touches that carry conflicts (the
/// partial index `touches_conflicted`) rather than every recipient of a large campaign.
async fn runs_into(
    pool: &Db,
    id: CampaignId,
    now: DateTime<Utc>,
) -> Result<Vec<RuleCount>, StoreError> {
    let rows: Vec<(String, String, i64)> = db::query_as(db::Sql::dialects(
        format!(
            "SELECT json_extract(c.value, '$.rule') AS rule,
                    json_extract(c.value, '$.severity') AS severity, COUNT(DISTINCT t.id)
             FROM touches t JOIN json_each(t.conflicts) c
             WHERE t.campaign_id = ?1 AND t.conflicts <> '[]' AND t.scheduled_at >= ?2
               AND t.status IN {TO_GO}
             GROUP BY rule, severity ORDER BY COUNT(DISTINCT t.id) DESC, rule, severity"
        ),
        format!(
            "SELECT c.value ->> 'rule' AS rule, c.value ->> 'severity' AS severity,
                    COUNT(DISTINCT t.id)
             FROM touches t
             CROSS JOIN LATERAL jsonb_array_elements(t.conflicts::jsonb) AS c (value)
             WHERE t.campaign_id = $1 AND t.conflicts <> '[]' AND t.scheduled_at >= $2
               AND t.status IN {TO_GO}
             GROUP BY rule, severity ORDER BY COUNT(DISTINCT t.id) DESC, rule, severity"
        ),
    ))
    .bind(id.0)
    .bind(secs(now))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(rule, severity, touches)| {
            Ok(RuleCount {
                rule: parsed(RuleId::parse(&rule))?,
                severity: parsed(Severity::parse(&severity))?,
                touches: u64::try_from(touches).unwrap_or_default(),
            })
        })
        .collect()
}

/// How many touches outside the campaign, still to go out after `now`, carry a conflict naming
/// one of its touches still to go out.
async fn run_into_by(pool: &Db, id: CampaignId, now: DateTime<Utc>) -> Result<u64, StoreError> {
    let n: i64 = db::query_scalar(db::Sql::dialects(
        format!(
            "SELECT COUNT(DISTINCT o.id) FROM touches t
             JOIN touches o ON o.contact_id = t.contact_id
             WHERE t.campaign_id = ?1 AND t.status IN {TO_GO}
               AND o.conflicts <> '[]' AND o.scheduled_at >= ?2 AND o.status IN {TO_GO}
               AND (o.campaign_id IS NULL OR o.campaign_id <> ?1)
               AND EXISTS (SELECT 1 FROM json_each(o.conflicts) c
                           JOIN json_each(c.value, '$.touch_ids') x
                           WHERE x.value = t.id)"
        ),
        format!(
            "SELECT COUNT(DISTINCT o.id) FROM touches t
             JOIN touches o ON o.contact_id = t.contact_id
             WHERE t.campaign_id = $1 AND t.status IN {TO_GO}
               AND o.conflicts <> '[]' AND o.scheduled_at >= $2 AND o.status IN {TO_GO}
               AND (o.campaign_id IS NULL OR o.campaign_id <> $1)
               AND EXISTS (SELECT 1 FROM jsonb_array_elements(o.conflicts::jsonb) AS c (value)
                           CROSS JOIN LATERAL jsonb_array_elements_text(c.value -> 'touch_ids')
                               AS x (id)
                           WHERE x.id::BIGINT = t.id)"
        ),
    ))
    .bind(id.0)
    .bind(secs(now))
    .fetch_one(pool)
    .await?;
    Ok(u64::try_from(n).unwrap_or_default())
}
