//! The start page's reads: one person's touches waiting for review, the decisions on theirs,
//! their day, and the counts that wait for those who oversee.

mod attention;
mod campaigns;
mod load;
mod pressure;
mod setup;

pub use attention::{attention, ATTENTION_LISTED};
pub use campaigns::my_campaigns;
pub use load::{load, CAMPAIGNS_LISTED};
pub use pressure::week_pressure;
pub use setup::setup;

use crate::domain::ids::{CampaignId, ContactId, TouchId, UserId};
use crate::domain::{Channel, TimeZone, TouchStatus};
use crate::models::workspace::{Decided, MyTouch, Oversight, Today, TodayCampaign};
use crate::store::db;
use crate::store::rows::{instant, parsed};
use crate::store::StoreError;
use chrono::{DateTime, Days, Utc};
use db::Db;

/// The columns of a [`MyTouch`], on `touches t` joined with `contacts c`.
const MY_TOUCH: &str = "t.id, t.contact_id, c.name, t.channel, t.title, t.scheduled_at, t.status";

type MyTouchRow = (i64, i64, String, String, String, i64, String);

fn my_touch(r: MyTouchRow) -> Result<MyTouch, StoreError> {
    Ok(MyTouch {
        id: TouchId(r.0),
        contact_id: ContactId(r.1),
        contact_name: r.2,
        channel: parsed(Channel::parse(&r.3))?,
        title: r.4,
        scheduled_at: instant(r.5)?,
        status: parsed(TouchStatus::parse(&r.6))?,
    })
}

/// `author`'s touches waiting for review, soonest first (at most `limit`), and how many wait.
pub async fn waiting(
    pool: &Db,
    author: UserId,
    limit: u32,
) -> Result<(Vec<MyTouch>, u64), StoreError> {
    let rows: Vec<MyTouchRow> = db::query_as(format!(
        "SELECT {MY_TOUCH} FROM touches t JOIN contacts c ON c.id = t.contact_id
         WHERE t.status = 'pending_review' AND t.author_id = ?
         ORDER BY t.scheduled_at, t.id LIMIT ?"
    ))
    .bind(author.0)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    let total: i64 = db::query_scalar(
        "SELECT COUNT(*) FROM touches WHERE status = 'pending_review' AND author_id = ?",
    )
    .bind(author.0)
    .fetch_one(pool)
    .await?;
    let touches = rows.into_iter().map(my_touch).collect::<Result<_, _>>()?;
    Ok((touches, u64::try_from(total).unwrap_or_default()))
}

/// The decisions on `author`'s touches since `since`, newest first (at most `limit`).
pub async fn decided(
    pool: &Db,
    author: UserId,
    since: DateTime<Utc>,
    limit: u32,
) -> Result<Vec<Decided>, StoreError> {
    type Row = (
        i64,
        i64,
        String,
        String,
        String,
        i64,
        String,
        String,
        String,
        String,
        i64,
    );
    let rows: Vec<Row> = db::query_as(format!(
        "SELECT {MY_TOUCH}, r.decision, u.name, r.reason, r.decided_at
         FROM reviews r
         JOIN touches t ON t.id = r.touch_id
         JOIN contacts c ON c.id = t.contact_id
         JOIN users u ON u.id = r.reviewer_id
         WHERE t.author_id = ? AND r.decided_at >= ?
         ORDER BY r.decided_at DESC, r.id DESC LIMIT ?"
    ))
    .bind(author.0)
    .bind(since.timestamp())
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Decided {
                touch: my_touch((r.0, r.1, r.2, r.3, r.4, r.5, r.6))?,
                approved: r.7 == "approve",
                reviewer: r.8,
                reason: r.9,
                decided_at: instant(r.10)?,
            })
        })
        .collect()
}

/// `author`'s touches that go out (planned, approved or sent) on the local day of `now` in
/// `zone`: the one-off touches in time order (at most 100), and each campaign as one line.
pub async fn today(
    pool: &Db,
    author: UserId,
    zone: TimeZone,
    now: DateTime<Utc>,
) -> Result<Today, StoreError> {
    let day = zone.local(now).date();
    let from = zone.start_of_day(day).timestamp();
    let to = zone.start_of_day(day + Days::new(1)).timestamp();
    let rows: Vec<MyTouchRow> = db::query_as(format!(
        "SELECT {MY_TOUCH} FROM touches t JOIN contacts c ON c.id = t.contact_id
         WHERE t.scheduled_at >= ? AND t.scheduled_at < ? AND t.author_id = ?
           AND t.status IN ('planned', 'approved', 'sent') AND t.campaign_id IS NULL
         ORDER BY t.scheduled_at, t.id LIMIT 100"
    ))
    .bind(from)
    .bind(to)
    .bind(author.0)
    .fetch_all(pool)
    .await?;
    // A campaign's touches are counted by quarter hour (every zone's day starts on one), so a
    // campaign of any size is one line read from its counts, first to last quarter.
    let campaigns: Vec<(i64, String, String, i64, i64, i64)> = db::query_as(
        "SELECT q.campaign_id, c.title, c.channel, MIN(q.quarter), MAX(q.quarter),
                CAST(SUM(q.touches) AS BIGINT)
         FROM touch_quarters q JOIN campaigns c ON c.id = q.campaign_id
         WHERE q.quarter >= ? AND q.quarter < ? AND c.author_id = ? AND q.campaign_id <> 0
           AND q.status IN ('planned', 'approved', 'sent') AND q.touches > 0
         GROUP BY q.campaign_id, c.title, c.channel ORDER BY MIN(q.quarter), q.campaign_id",
    )
    .bind(from.div_euclid(QUARTER))
    .bind(to.div_euclid(QUARTER))
    .bind(author.0)
    .fetch_all(pool)
    .await?;
    Ok(Today {
        touches: rows.into_iter().map(my_touch).collect::<Result<_, _>>()?,
        campaigns: campaigns
            .into_iter()
            .map(|(id, title, channel, first, last, touches)| {
                Ok(TodayCampaign {
                    id: CampaignId(id),
                    title,
                    channel: parsed(Channel::parse(&channel))?,
                    first: instant(first * QUARTER)?,
                    last: instant(last * QUARTER + QUARTER)?,
                    touches: u64::try_from(touches).unwrap_or_default(),
                })
            })
            .collect::<Result<_, StoreError>>()?,
    })
}

/// Seconds in a quarter hour, the finest slot of the touch counts.
const QUARTER: i64 = 900;

/// What waits for those who oversee: the review queue's length and the open claim requests.
pub async fn oversight(pool: &Db) -> Result<Oversight, StoreError> {
    let pending = crate::store::review_queue::pending_count(pool).await?;
    let requests: i64 =
        db::query_scalar("SELECT COUNT(*) FROM claim_requests WHERE status = 'open'")
            .fetch_one(pool)
            .await?;
    Ok(Oversight {
        pending,
        requests: u64::try_from(requests).unwrap_or_default(),
    })
}
