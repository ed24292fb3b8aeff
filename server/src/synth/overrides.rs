//! A few touches the policy engine sends to review, scheduled through the store like any planner
//! would: a rep's follow-up an hour after an email already planned to the same contact breaks
//! `min_gap`, so the review queue has real overrides to decide.

use app::domain::ids::ContactId;
use app::domain::ids::{TeamId, UserId};
use app::domain::{Channel, NewTouch, ProposedTouch, Purpose};
use app::store::db;
use chrono::{DateTime, TimeDelta, Utc};
use db::Db;

/// Schedules up to `count` blocked follow-ups by the user `author_email`; answers how many
/// ended up `pending_review`.
pub async fn blocked_follow_ups(
    pool: &Db,
    author_email: &str,
    count: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<u64> {
    let Some((author, team)): Option<(i64, i64)> =
        db::query_as("SELECT id, team_id FROM users WHERE email = ?")
            .bind(author_email)
            .fetch_optional(pool)
            .await?
    else {
        return Ok(0);
    };
    let planned: Vec<(i64, i64)> = db::query_as(
        "SELECT contact_id, MIN(scheduled_at) FROM touches
         WHERE status = 'planned' AND channel = 'email' AND scheduled_at > ? AND scheduled_at < ?
         GROUP BY contact_id ORDER BY contact_id LIMIT ?",
    )
    .bind((now + TimeDelta::days(1)).timestamp())
    .bind((now + TimeDelta::days(10)).timestamp())
    .bind(count)
    .fetch_all(pool)
    .await?;
    let rules = app::store::rules::current_rules(pool).await?;
    let mut pending = 0;
    for (contact, at) in planned {
        let at = DateTime::from_timestamp(at, 0).unwrap_or(now) + TimeDelta::hours(1);
        let proposed = ProposedTouch::new(
            Channel::Email,
            Purpose::SalesFollowup,
            TeamId(team),
            UserId(author),
            at,
        );
        let touch = NewTouch {
            contact: ContactId(contact),
            proposed,
            title: "Quick follow-up on your request".into(),
            notes: String::new(),
        };
        let scheduled = app::store::touches::schedule(pool, &rules, &touch, now)
            .await
            .map_err(|e| anyhow::anyhow!("cannot schedule a demo follow-up: {e}"))?;
        if !scheduled.touch.status.counts() {
            pending += 1;
        }
    }
    Ok(pending)
}
