//! The past through the REST API: planning, checking, moving a touch or previewing and creating
//! a campaign for a time that has passed is a 422 that names `scheduled_at`, and stores nothing.

use crate::api_ledger::{call, new_contact};
use crate::helpers::spawn_app;
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

const PASSED: &str = "that time has already passed; choose a time from now on";

#[tokio::test]
async fn past_times_are_refused_with_a_plain_message() {
    let app = spawn_app().await;
    let token = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &token, "lead").await;
    let last_month = (chrono::Utc::now() - chrono::TimeDelta::days(30)).to_rfc3339();
    let touch = |at: &str| {
        json!({"contact_id": contact, "channel": "email", "purpose": "newsletter",
               "scheduled_at": at, "title": "Late news"})
    };
    for path in ["/api/v1/touches", "/api/v1/touches?dry_run=true"] {
        let (status, error) =
            call(&app, &token, Method::POST, path, Some(touch(&last_month))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {error}");
        assert_eq!(
            error["message"],
            format!("scheduled_at: {PASSED}"),
            "{path}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM touches").await, 0);

    let (status, planned) = call(
        &app,
        &token,
        Method::POST,
        "/api/v1/touches",
        Some(touch("2030-06-04T15:00:00Z")),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{planned}");
    let id = planned["touch"]["id"].as_i64().unwrap();
    let move_back = json!({"version": planned["touch"]["version"], "scheduled_at": last_month});
    let path = format!("/api/v1/touches/{id}");
    let (status, error) = call(&app, &token, Method::PATCH, &path, Some(move_back)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["message"], format!("scheduled_at: {PASSED}"));

    let campaign = json!({"audience": {"stages": ["lead"]}, "channel": "email",
                          "purpose": "promotional", "scheduled_at": last_month,
                          "title": "Spring launch", "on_conflict": "review"});
    for path in ["/api/v1/campaigns/preview", "/api/v1/campaigns"] {
        let (status, error) = call(&app, &token, Method::POST, path, Some(campaign.clone())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {error}");
        assert_eq!(
            error["message"],
            format!("scheduled_at: {PASSED}"),
            "{path}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM campaigns").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM touches").await, 1);
}

#[tokio::test]
async fn a_touch_that_happened_is_logged_as_sent_and_a_future_one_is_not() {
    let app = spawn_app().await;
    let token = app.token_for("riley@example.com", Role::Rep).await;
    let contact = new_contact(&app, &token, "lead").await;
    let touch = |at: String| {
        json!({"contact_id": contact, "channel": "phone", "purpose": "sales_followup",
               "scheduled_at": at, "title": "Called about the quote"})
    };
    let yesterday = (chrono::Utc::now() - chrono::TimeDelta::days(1)).to_rfc3339();
    let (status, logged) = call(
        &app,
        &token,
        Method::POST,
        "/api/v1/touches/log",
        Some(touch(yesterday)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{logged}");
    assert_eq!(logged["touch"]["status"], "sent");
    assert!(logged["touch"]["sent_at"].is_string(), "{logged}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'touch.logged'")
            .await,
        1
    );

    let tomorrow = (chrono::Utc::now() + chrono::TimeDelta::days(1)).to_rfc3339();
    let (status, error) = call(
        &app,
        &token,
        Method::POST,
        "/api/v1/touches/log",
        Some(touch(tomorrow)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("cannot be in the future"),
        "{error}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM touches").await, 1);
}
