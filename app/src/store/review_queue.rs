//! The review queue's reads: touches awaiting review (by the `touches_pending` index) and the
//! people a contact can be reassigned to.

use super::rows::{instant, json, parsed};
use super::StoreError;
use crate::domain::ids::{CampaignId, ContactId, TouchId, UserId};
use crate::domain::review::{still_due, ReviewDecision};
use crate::domain::{Action, Channel, Purpose};
use crate::models::review_queue::{
    Assignee, CampaignChoice, PendingFilter, PendingGroup, PendingTouch,
};
use crate::store::db::{self, SqlBuilder};
use chrono::{DateTime, Utc};
use db::Db;

/// (id, contact, contact name, channel, purpose, title, team, author, campaign, campaign title,
/// scheduled, created, conflicts)
type PendingRow = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<i64>,
    Option<String>,
    i64,
    i64,
    String,
);

/// Appends the condition of the touches `filter` lists (`t` is the touch).
fn push_filter(sql: &mut SqlBuilder, filter: &PendingFilter) {
    sql.push(" WHERE t.status = 'pending_review'");
    if let Some(channel) = filter.channel {
        sql.push(" AND t.channel = ").push_bind(channel.as_str());
    }
    match filter.campaign {
        Some(CampaignChoice::Only(campaign)) => {
            sql.push(" AND t.campaign_id = ").push_bind(campaign.0);
        }
        Some(CampaignChoice::OneOff) => {
            sql.push(" AND t.campaign_id IS NULL");
        }
        None => {}
    }
}

/// Touches awaiting review that `filter` lists, one-off touches first, then by campaign, each
/// soonest first; at most `limit` from the `offset`-th, and how many it lists in all. Each
/// says whether it may still be approved at `now`.
pub async fn pending_touches(
    pool: &Db,
    filter: &PendingFilter,
    limit: u32,
    offset: u32,
    now: DateTime<Utc>,
) -> Result<(Vec<PendingTouch>, u64), StoreError> {
    let mut sql = SqlBuilder::new(
        "SELECT t.id, t.contact_id, c.name, t.channel, t.purpose, t.title, tm.name, u.name,
                t.campaign_id, cp.title, t.scheduled_at, t.created_at, t.conflicts
         FROM touches t
         JOIN contacts c ON c.id = t.contact_id
         JOIN teams tm ON tm.id = t.team_id
         JOIN users u ON u.id = t.author_id
         LEFT JOIN campaigns cp ON cp.id = t.campaign_id",
    );
    push_filter(&mut sql, filter);
    sql.push(" ORDER BY t.campaign_id IS NOT NULL, t.campaign_id, t.scheduled_at, t.id LIMIT ")
        .push_bind(i64::from(limit))
        .push(" OFFSET ")
        .push_bind(i64::from(offset));
    let rows = sql.build_query_as::<PendingRow>().fetch_all(pool).await?;
    let mut count = SqlBuilder::new("SELECT COUNT(*) FROM touches t");
    push_filter(&mut count, filter);
    let total: i64 = count.build_query_scalar().fetch_one(pool).await?;
    let total = u64::try_from(total).unwrap_or_default();
    let pending = rows
        .into_iter()
        .map(|r| {
            Ok(PendingTouch {
                id: TouchId(r.0),
                contact_id: ContactId(r.1),
                contact_name: r.2,
                channel: parsed(Channel::parse(&r.3))?,
                purpose: parsed(Purpose::parse(&r.4))?,
                title: r.5,
                team: r.6,
                author: r.7,
                campaign: r.8.map(|id| (CampaignId(id), r.9.unwrap_or_default())),
                scheduled_at: instant(r.10)?,
                approvable: still_due(ReviewDecision::Approve, instant(r.10)?, now).is_ok(),
                created_at: instant(r.11)?,
                conflicts: json(&r.12)?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok((pending, total))
}

/// Each campaign with touches awaiting review and how many, one-off touches first, then by
/// campaign as the queue lists them.
pub async fn pending_groups(pool: &Db) -> Result<Vec<PendingGroup>, StoreError> {
    let rows = db::query_as::<(Option<i64>, Option<String>, i64)>(
        "SELECT t.campaign_id, cp.title, COUNT(*) FROM touches t
         LEFT JOIN campaigns cp ON cp.id = t.campaign_id
         WHERE t.status = 'pending_review'
         GROUP BY t.campaign_id, cp.title
         ORDER BY t.campaign_id IS NOT NULL, t.campaign_id",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, count)| PendingGroup {
            campaign: id.map(|id| (CampaignId(id), title.unwrap_or_default())),
            count: u64::try_from(count).unwrap_or_default(),
        })
        .collect())
}

/// How many touches wait for review.
pub async fn pending_count(pool: &Db) -> Result<u64, StoreError> {
    let total: i64 =
        db::query_scalar("SELECT COUNT(*) FROM touches WHERE status = 'pending_review'")
            .fetch_one(pool)
            .await?;
    Ok(u64::try_from(total).unwrap_or_default())
}

/// Users whose role may claim contacts (see [`Action::Claim`]), by name.
pub async fn assignees(pool: &Db) -> Result<Vec<Assignee>, StoreError> {
    let roles: Vec<String> = Action::Claim
        .roles()
        .iter()
        .map(|r| format!("'{}'", r.as_str()))
        .collect();
    let rows = db::query_as::<(i64, String, String, String)>(&format!(
        "SELECT u.id, u.name, u.role, t.name FROM users u JOIN teams t ON t.id = u.team_id
         WHERE u.role IN ({}) ORDER BY u.name, u.id",
        roles.join(", ")
    ))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, name, role, team)| {
            Ok(Assignee {
                id: UserId(id),
                name,
                role: parsed(role.parse())?,
                team,
            })
        })
        .collect()
}
