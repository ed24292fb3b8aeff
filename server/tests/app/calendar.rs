//! The team calendar: per-day totals from the hourly summary agree with the touches however
//! they are written, crowded days stay small, and moving a touch from the calendar refuses
//! (and changes nothing) when a rule blocks the new time unless it is sent to review.

use crate::helpers::{spawn_app, TestApp};
use app::domain::ids::TeamId;
use app::domain::role::Role;
use app::domain::{Channel, TimeZone};
use app::models::calendar::CalendarFilter;
use app::store::calendar::{calendar_days, day_spans, DaySpan};
use app::store::db;
use chrono::{Days, NaiveDate};
use db::Db;
use reqwest::StatusCode;
use serde_json::{json, Value};

const SECRET: &str = "a long enough secret";

pub(crate) async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let response = app
        .client
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    response.json().await.unwrap()
}

pub(crate) async fn contact(app: &TestApp, token: &str, n: usize) -> i64 {
    let body = json!({"name": format!("Contact {n}"), "email": format!("c{n}@example.org"),
                      "timezone": "America/New_York", "stage": "lead"});
    post(app, token, "/api/v1/contacts", body).await["id"]
        .as_i64()
        .unwrap()
}

pub(crate) async fn touch(
    app: &TestApp,
    token: &str,
    contact: i64,
    at: &str,
    channel: &str,
) -> Value {
    let body = json!({"contact_id": contact, "channel": channel, "purpose": "newsletter",
                      "scheduled_at": at, "title": format!("Touch at {at}")});
    post(app, token, "/api/v1/touches", body).await["touch"].clone()
}

/// Every day's total counted straight from `touches`, the slow way.
async fn raw_totals(pool: &Db, spans: &[DaySpan], channel: Option<Channel>) -> Vec<i64> {
    let mut out = Vec::new();
    for span in spans {
        let n: i64 = db::query_scalar(
            "SELECT COUNT(*) FROM touches WHERE scheduled_at >= ? AND scheduled_at < ? AND (? IS NULL OR channel = ?)",
        )
        .bind(span.start)
        .bind(span.end)
        .bind(channel.map(|c| c.as_str()))
        .bind(channel.map(|c| c.as_str()))
        .fetch_one(pool)
        .await
        .unwrap();
        out.push(n);
    }
    out
}

#[tokio::test]
async fn day_totals_match_the_touches_in_whole_and_half_hour_zones_after_moves_and_cancels() {
    let app = spawn_app().await;
    let token = app.token_for("mia@example.com", Role::Marketer).await;
    let mut ids = Vec::new();
    for (n, at) in [
        "2030-03-04T18:10:00Z",
        "2030-03-04T18:40:00Z",
        "2030-03-05T02:20:00Z",
        "2030-03-06T12:00:00Z",
    ]
    .into_iter()
    .enumerate()
    {
        let c = contact(&app, &token, n).await;
        let channel = if n % 2 == 0 { "email" } else { "phone" };
        ids.push(touch(&app, &token, c, at, channel).await);
    }
    let moved = &ids[3];
    let change = json!({"scheduled_at": "2030-03-05T18:35:00Z", "version": moved["version"]});
    let url = app.url(&format!("/api/v1/touches/{}", moved["id"]));
    let response = app
        .client
        .patch(url)
        .bearer_auth(&token)
        .json(&change)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let cancel = json!({"status": "cancelled", "version": ids[0]["version"]});
    let url = app.url(&format!("/api/v1/touches/{}", ids[0]["id"]));
    let response = app
        .client
        .patch(url)
        .bearer_auth(&token)
        .json(&cancel)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    let pool = app::store::open(&app.db).await.unwrap();
    let first: NaiveDate = "2030-03-03".parse().unwrap();
    let dates: Vec<NaiveDate> = (0..5).map(|i| first + Days::new(i)).collect();
    // On PostgreSQL the counts are pending deltas until the fold job moves them: the totals
    // agree with the touches before and after.
    for fold in [false, true] {
        if fold {
            app::store::calendar::fold::fold_counts(&pool)
                .await
                .unwrap();
            if crate::helpers::on_postgres() {
                assert_eq!(app.count("SELECT COUNT(*) FROM touch_deltas").await, 0);
                assert!(app.count("SELECT COUNT(*) FROM touch_counts").await > 0);
            }
        }
        for zone in ["UTC", "Asia/Kolkata", "America/St_Johns"] {
            let spans = day_spans(&dates, TimeZone::parse(zone).unwrap());
            for channel in [None, Some(Channel::Phone)] {
                let filter = CalendarFilter {
                    channel,
                    ..CalendarFilter::default()
                };
                let days = calendar_days(&pool, &spans, &filter, 3, 0, true)
                    .await
                    .unwrap();
                let totals: Vec<i64> = days.iter().map(|d| d.total).collect();
                assert_eq!(
                    totals,
                    raw_totals(&pool, &spans, channel).await,
                    "{zone} {channel:?}"
                );
                assert!(days
                    .iter()
                    .all(|d| d.touches.len() as i64 == d.total.min(3)));
            }
        }
    }
    let nobody = CalendarFilter {
        team: Some(TeamId(999)),
        ..CalendarFilter::default()
    };
    let spans = day_spans(&dates, TimeZone::UTC);
    let days = calendar_days(&pool, &spans, &nobody, 3, 0, true)
        .await
        .unwrap();
    assert!(days.iter().all(|d| d.total == 0 && d.touches.is_empty()));
}

#[tokio::test]
async fn a_crowded_day_shows_a_few_touches_and_counts_the_rest() {
    let app = spawn_app().await;
    let token = app.token_for("mia@example.com", Role::Marketer).await;
    for n in 0..7 {
        let c = contact(&app, &token, n).await;
        touch(&app, &token, c, &format!("2030-03-04T1{n}:00:00Z"), "email").await;
    }
    let pool = app::store::open(&app.db).await.unwrap();
    let spans = day_spans(&["2030-03-04".parse().unwrap()], TimeZone::UTC);
    let days = calendar_days(&pool, &spans, &CalendarFilter::default(), 3, 0, true)
        .await
        .unwrap();
    assert_eq!(
        (days[0].total, days[0].touches.len(), days[0].more()),
        (7, 3, 4)
    );
    let page = calendar_days(&pool, &spans, &CalendarFilter::default(), 3, 6, true)
        .await
        .unwrap();
    assert_eq!(page[0].touches.len(), 1);
    assert_eq!(page[0].touches[0].title, "Touch at 2030-03-04T16:00:00Z");
}

/// Signs a new marketer in on the app's client (the session cookie stays in it) and answers
/// an API token of theirs, so that the touches planned with it are theirs to move.
async fn signed_in(app: &TestApp) -> String {
    let token = app.token_for("pat@example.com", Role::Marketer).await;
    let response = app
        .post_sign_in(&app.client, "pat@example.com", SECRET, "/calendar")
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    token
}

async fn move_touch(app: &TestApp, form: &[(&str, String)]) -> (StatusCode, String) {
    let response = app
        .client
        .post(app.url("/api/move_touch"))
        .header("Accept", "application/json")
        .form(form)
        .send()
        .await
        .unwrap();
    (response.status(), response.text().await.unwrap())
}

async fn stored(app: &TestApp, id: i64) -> (i64, i64, String) {
    let pool = app::store::open(&app.db).await.unwrap();
    db::query_as("SELECT scheduled_at, version, status FROM touches WHERE id = ?")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn moving_into_a_blocking_rule_changes_nothing_unless_sent_to_review() {
    let app = spawn_app().await;
    let token = signed_in(&app).await;
    let c = contact(&app, &token, 1).await;
    touch(&app, &token, c, "2030-03-04T14:00:00Z", "email").await;
    let second = touch(&app, &token, c, "2030-03-06T15:00:00Z", "email").await;
    let id = second["id"].as_i64().unwrap();
    let form = |date: &str, version: i64, review: bool| {
        let mut f = vec![
            ("id", id.to_string()),
            ("version", version.to_string()),
            ("date", date.to_owned()),
            ("time", "15:00".to_owned()),
        ];
        if review {
            f.push(("review", "on".to_owned()));
        }
        f
    };
    let before = stored(&app, id).await;

    let (status, body) = move_touch(&app, &form("2030-03-04", before.1, false)).await;
    assert!(!status.is_success(), "{body}");
    assert!(body.contains("not moved to Mon 4 Mar 15:00"), "{body}");
    assert_eq!(
        stored(&app, id).await,
        before,
        "a refused move changes nothing"
    );

    let (status, body) = move_touch(&app, &form("2030-03-05", before.1, false)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after = stored(&app, id).await;
    assert_eq!((after.0, after.2.as_str()), (1_898_953_200, "planned"));

    let (status, body) = move_touch(&app, &form("2030-03-04", before.1, true)).await;
    assert!(!status.is_success(), "a stale version is refused: {body}");
    assert!(body.contains("changed by someone else"), "{body}");

    let (status, body) = move_touch(&app, &form("2030-03-04", after.1, true)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(stored(&app, id).await.2, "pending_review");
}

#[tokio::test]
async fn the_month_reads_without_javascript_and_needs_a_session() {
    let app = spawn_app().await;
    let anonymous = app
        .client
        .get(app.url("/calendar?view=month&date=2030-03-04"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    let token = signed_in(&app).await;
    for n in 0..5 {
        let c = contact(&app, &token, n).await;
        touch(&app, &token, c, &format!("2030-03-04T1{n}:00:00Z"), "sms").await;
    }
    let page = app
        .client
        .get(app.url("/calendar?view=month&date=2030-03-04"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("March 2030"), "the month's heading");
    assert!(html.contains("role=\"grid\""));
    assert!(html.contains("Touch at 2030-03-04T10:00:00Z"));
    assert!(html.contains("+2 more"), "five touches, three shown");

    let missing = app
        .client
        .get(app.url("/calendar/touches/987654"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.text().await.unwrap().contains("role=\"alert\""));
}

#[tokio::test]
async fn an_absurd_date_is_refused_at_once() {
    let app = spawn_app().await;
    signed_in(&app).await;
    for path in [
        "/calendar?view=day&date=%2B262142-12-31",
        "/calendar?view=month&date=0001-01-01",
    ] {
        let answer = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            app.client.get(app.url(path)).send(),
        )
        .await
        .expect("answered within five seconds")
        .unwrap();
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST, "{path}");
        let html = answer.text().await.unwrap();
        assert!(html.contains("must fall between the years"), "{path}");
    }
    let far = [
        ("id", "1".to_owned()),
        ("version", "1".to_owned()),
        ("date", "+262142-12-31".to_owned()),
        ("time", "09:00".to_owned()),
    ];
    let (status, body) = move_touch(&app, &far).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}
