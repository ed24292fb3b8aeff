//! Moving a whole campaign: every touch that has not gone out moves by the same amount and is
//! checked again at its new time; a block a manager may override sends the touch to review, a
//! withdrawal of consent leaves it out; the past, a rep and a cancelled campaign are refused
//! with nothing changed.

use crate::campaigns::{campaign, setup};
use crate::ledger::fixtures::now;
use app::domain::{OnConflict, Stage};
use app::store::campaigns::{
    cancel_campaign, create_campaign, get_campaign, reschedule_campaign, MoveCampaignError,
};
use app::store::db;
use chrono::{DateTime, TimeDelta, Utc};

/// The campaign's touches by recipient name: (name, time, status).
async fn touches(pool: &db::Db, id: i64) -> Vec<(String, DateTime<Utc>, String)> {
    let rows: Vec<(String, i64, String)> = db::query_as(
        "SELECT k.name, t.scheduled_at, t.status FROM touches t \
         JOIN contacts k ON k.id = t.contact_id WHERE t.campaign_id = ? ORDER BY k.name",
    )
    .bind(id)
    .fetch_all(pool)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(n, at, s)| (n, DateTime::from_timestamp(at, 0).unwrap(), s))
        .collect()
}

#[tokio::test]
async fn a_campaign_moves_as_a_whole_and_each_touch_is_checked_again() {
    let s = setup().await;
    let c = &s.company;
    let mut new = campaign(c, OnConflict::Review);
    new.audience.stages = vec![Stage::Prospect];
    let created = create_campaign(&c.pool, &new, now()).await.unwrap();
    assert_eq!((created.planned, created.pending_review), (2, 2));
    let id = created.id;
    // Ann withdraws consent to email after the campaign was planned.
    db::query("UPDATE contacts SET consent_email = ? WHERE name = 'Ann'")
        .bind(false)
        .execute(&c.pool)
        .await
        .unwrap();
    let before = touches(&c.pool, id.0).await;

    let past = reschedule_campaign(
        &c.pool,
        id,
        now() - TimeDelta::days(1),
        c.actor(c.marketer),
        now(),
    )
    .await;
    assert!(matches!(
        past.unwrap_err().refusal(),
        Some(MoveCampaignError::InThePast(_))
    ));
    let by_rep = reschedule_campaign(&c.pool, id, new.scheduled_at, c.actor(c.rep), now()).await;
    assert!(matches!(
        by_rep.unwrap_err().refusal(),
        Some(MoveCampaignError::Forbidden(_))
    ));
    assert_eq!(
        touches(&c.pool, id.0).await,
        before,
        "a refusal changes nothing"
    );

    // Bob's touch is leased to a sender that is sending it: it stays where it is.
    db::query(
        "UPDATE touches SET leased_until = ? WHERE campaign_id = ? AND contact_id = \
         (SELECT id FROM contacts WHERE name = 'Bob')",
    )
    .bind((now() + TimeDelta::days(30)).timestamp())
    .bind(id.0)
    .execute(&c.pool)
    .await
    .unwrap();

    // A day later Cid's and Dee's days are free: both planned; Ann is left out.
    let later = new.scheduled_at + TimeDelta::days(1);
    let moved = reschedule_campaign(&c.pool, id, later, c.actor(c.marketer), now())
        .await
        .unwrap();
    assert_eq!(
        (moved.planned, moved.pending_review, moved.left_out),
        (2, 0, 1),
        "{moved:?}"
    );
    assert_eq!(moved.refused.len(), 1);
    assert_eq!(moved.refused[0].1, "it is due and going out now");
    let after = touches(&c.pool, id.0).await;
    let expected: Vec<(String, DateTime<Utc>, String)> = [
        ("Ann", "cancelled", new.scheduled_at),
        ("Bob", "planned", new.scheduled_at),
        ("Cid", "planned", later),
        ("Dee", "planned", later),
    ]
    .into_iter()
    .map(|(n, s, at)| (n.to_owned(), at, s.to_owned()))
    .collect();
    assert_eq!(after, expected);
    let summary = get_campaign(&c.pool, id).await.unwrap().unwrap();
    assert_eq!(summary.scheduled_at, later);

    // Back to the first day, a manager moving it: the daily cap blocks Cid and Dee again.
    let back = reschedule_campaign(&c.pool, id, new.scheduled_at, c.actor(c.manager), now())
        .await
        .unwrap();
    assert_eq!(
        (back.planned, back.pending_review, back.left_out),
        (0, 2, 0),
        "{back:?}"
    );
    let statuses: Vec<String> = touches(&c.pool, id.0)
        .await
        .into_iter()
        .map(|t| t.2)
        .collect();
    assert_eq!(
        statuses,
        ["cancelled", "planned", "pending_review", "pending_review"]
    );
    assert_eq!(c.audited("campaign.rescheduled").await, 2);

    cancel_campaign(&c.pool, id, c.actor(c.marketer), now())
        .await
        .unwrap();
    let cancelled = reschedule_campaign(&c.pool, id, later, c.actor(c.marketer), now()).await;
    assert_eq!(
        cancelled.unwrap_err().refusal(),
        Some(MoveCampaignError::Cancelled)
    );
}
