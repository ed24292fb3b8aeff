//! Campaigns on the team calendar: one item per day with its recipients (and how many are
//! cancelled), the campaign filter, and the day opened on a campaign listing its touches, on
//! both engines, before and after the fold of PostgreSQL's pending counts.

use crate::calendar::{contact, post, touch};
use crate::helpers::spawn_app;
use app::domain::role::Role;
use app::domain::{Channel, TimeZone};
use app::models::calendar::{CalendarDay, CalendarFilter};
use app::store::calendar::{calendar_days, day_spans};
use app::store::db;
use db::Db;
use reqwest::StatusCode;
use serde_json::json;

/// 4 March 2030 in `zone`, as the calendar reads it: `per_day` listed touches, campaigns
/// grouped or not.
async fn day_in(
    pool: &Db,
    zone: &str,
    filter: &CalendarFilter,
    per_day: u32,
    grouped: bool,
) -> CalendarDay {
    let spans = day_spans(
        &["2030-03-04".parse().unwrap()],
        TimeZone::parse(zone).unwrap(),
    );
    let mut days = calendar_days(pool, &spans, filter, per_day, 0, grouped)
        .await
        .unwrap();
    days.remove(0)
}

#[tokio::test]
async fn a_campaign_is_one_item_per_day_with_its_recipients_and_opens_to_its_touches() {
    let app = spawn_app().await;
    let token = app.token_for("mia@example.com", Role::Marketer).await;
    let mut contacts = Vec::new();
    for n in 0..3 {
        contacts.push(contact(&app, &token, n).await);
    }
    touch(&app, &token, contacts[0], "2030-03-04T15:00:00Z", "phone").await;
    let body = json!({"audience": {"stages": ["lead"]}, "channel": "email",
                      "purpose": "newsletter", "scheduled_at": "2030-03-04T16:00:00Z",
                      "title": "Spring news", "on_conflict": "review"});
    let created = post(&app, &token, "/api/v1/campaigns", body).await;
    assert_eq!(created["recipients"], 3, "{created}");
    let campaign = created["id"].as_i64().unwrap();

    let pool = app::store::open(&app.db).await.unwrap();
    let only = CalendarFilter {
        campaign: Some(app::domain::ids::CampaignId(campaign)),
        ..CalendarFilter::default()
    };
    for fold in [false, true] {
        if fold {
            app::store::calendar::fold::fold_counts(&pool)
                .await
                .unwrap();
        }
        for zone in ["UTC", "Asia/Kolkata"] {
            let day = &day_in(&pool, zone, &CalendarFilter::default(), 3, true).await;
            assert_eq!((day.total, day.listed), (4, 1), "{zone}");
            assert_eq!(
                day.touches.len(),
                1,
                "{zone}: only the one-off touch is listed"
            );
            assert_eq!(day.touches[0].channel, Channel::Phone);
            let items: Vec<_> = day
                .campaigns
                .iter()
                .map(|c| (c.id.0, c.title.as_str(), c.channel, c.recipients))
                .collect();
            assert_eq!(
                items,
                [(campaign, "Spring news", Channel::Email, 3)],
                "{zone}"
            );

            let day = &day_in(&pool, zone, &only, 3, true).await;
            assert_eq!((day.total, day.listed), (3, 0), "{zone}");
            assert_eq!(day.campaigns.len(), 1);
            assert!(day.touches.is_empty());

            let day = &day_in(&pool, zone, &only, 2, false).await;
            assert_eq!((day.total, day.listed, day.more()), (3, 3, 1), "{zone}");
            assert!(day.campaigns.is_empty());
            assert!(day.touches.iter().all(|t| t.title == "Spring news"));
        }
    }

    // One of its touches cancelled: still a recipient on the day, counted as cancelled.
    let (id, version): (i64, i64) =
        db::query_as("SELECT id, version FROM touches WHERE campaign_id = ? ORDER BY id LIMIT 1")
            .bind(campaign)
            .fetch_one(&pool)
            .await
            .unwrap();
    let response = app
        .client
        .patch(app.url(&format!("/api/v1/touches/{id}")))
        .bearer_auth(&token)
        .json(&json!({"status": "cancelled", "version": version}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    for zone in ["UTC", "Asia/Kolkata"] {
        let day = day_in(&pool, zone, &CalendarFilter::default(), 3, true).await;
        let item = &day.campaigns[0];
        assert_eq!((item.recipients, item.cancelled), (3, 1), "{zone}");
        assert_eq!(item.recipients_text(), "3 recipients, 1 cancelled");
    }
}
