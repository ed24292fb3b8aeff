//! Bulk work through the API: CSV import (all or nothing, or partial) and campaign preview.

use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

const CSV: &str = "First Name,Last Name,Email,Phone Number,Time Zone,Lifecycle Stage\n\
Ada,Lovelace,ada@example.org,+1 617 555 0101,America/New_York,Lead\n\
Bob,Bad,bob@example.org,+1 617 555 0102,Mars/Olympus,Lead\n\
Cy,Young,cy@example.org,+1 617 555 0103,Europe/Berlin,lead\n";

async fn import(app: &TestApp, token: &str, query: &str, csv: &str) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url(&format!("/api/v1/contacts/import{query}")))
        .bearer_auth(token)
        .header("Content-Type", "text/csv")
        .body(csv.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

/// Plans two email touches for `contact` on 2 April 2030, filling its daily cap.
async fn plan_two_that_day(app: &TestApp, token: &str, contact: i64) {
    for hour in ["13", "18"] {
        let body = json!({"contact_id": contact, "channel": "email", "purpose": "newsletter",
                          "scheduled_at": format!("2030-04-02T{hour}:00:00Z"), "title": "Earlier"});
        let response = app
            .client
            .post(app.url("/api/v1/touches"))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
    }
}

#[tokio::test]
async fn an_import_with_a_bad_row_imports_nothing_unless_partial() {
    let app = spawn_app().await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let rep = app.token_for("riley@example.com", Role::Rep).await;

    let (status, error) = import(&app, &rep, "", CSV).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{error}");

    let (status, refused) = import(&app, &marketer, "", CSV).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["error"], "validation");
    assert_eq!(refused["rejected"][0]["line"], 3, "{refused}");
    assert!(
        refused["rejected"][0]["error"]
            .as_str()
            .unwrap()
            .contains("Mars/Olympus"),
        "{refused}"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM contacts").await,
        0,
        "nothing half-imported"
    );

    let (status, report) = import(&app, &marketer, "?partial=true", CSV).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["imported"], 2);
    assert_eq!(report["rejected"].as_array().unwrap().len(), 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM contacts").await, 2);
}

#[tokio::test]
async fn a_campaign_preview_counts_recipients_per_rule_with_samples() {
    let app = spawn_app().await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let good = CSV.replace("Mars/Olympus", "America/Chicago");
    let (status, report) = import(&app, &marketer, "", &good).await;
    assert_eq!(
        (status, report["imported"].as_i64()),
        (StatusCode::OK, Some(3)),
        "{report}"
    );

    // Contact 1 already has two touches that day: the campaign would be its third.
    plan_two_that_day(&app, &marketer, 1).await;
    let campaign = json!({"audience": {"stages": ["lead"]}, "channel": "email", "purpose": "promotional",
                          "scheduled_at": "2030-04-02T23:00:00Z", "title": "Spring launch"});
    let response = app
        .client
        .post(app.url("/api/v1/campaigns/preview"))
        .bearer_auth(&marketer)
        .json(&campaign)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let preview: Value = response.json().await.unwrap();
    assert_eq!(preview["recipients"], 3, "{preview}");
    assert_eq!(preview["by_rule"]["daily_cap"], 1, "{preview}");
    assert_eq!(preview["samples"]["daily_cap"], json!([1]), "{preview}");
    assert_eq!(preview["blocked"], 1);
    assert!(
        preview["examples"]["daily_cap"][0]["message"]
            .as_str()
            .unwrap()
            .contains("limit 2"),
        "{preview}"
    );
    // Names, not numbers: the recipient and the teams in the explanation.
    let example = &preview["examples"]["daily_cap"][0];
    assert_eq!(example["name"], "Ada Lovelace", "{preview}");
    let message = example["message"].as_str().unwrap();
    assert!(message.contains("Operations email"), "{message}");
    assert!(!message.contains("team "), "{message}");

    let bad = json!({"audience": {"stages": ["whale"]}, "channel": "email", "purpose": "promotional",
                     "scheduled_at": "2030-04-02T23:00:00Z", "title": "X"});
    let response = app
        .client
        .post(app.url("/api/v1/campaigns/preview"))
        .bearer_auth(&marketer)
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = response.json().await.unwrap();
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("audience.stages:"),
        "{error}"
    );
}

#[tokio::test]
async fn a_campaign_is_planned_all_at_once_with_conflicts_excluded_or_sent_to_review() {
    let app = spawn_app().await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let good = CSV.replace("Mars/Olympus", "America/Chicago");
    let (status, _) = import(&app, &marketer, "", &good).await;
    assert_eq!(status, StatusCode::OK);
    plan_two_that_day(&app, &marketer, 2).await;
    let campaign = |on_conflict: &str, hour: &str| {
        json!({
        "audience": {"stages": ["lead"]}, "channel": "email", "purpose": "newsletter",
        "scheduled_at": format!("2030-04-{hour}:00:00Z"), "title": "Spring news", "on_conflict": on_conflict})
    };
    let post = |body: Value| {
        app.client
            .post(app.url("/api/v1/campaigns"))
            .bearer_auth(&marketer)
            .json(&body)
            .send()
    };

    let created: Value = post(campaign("exclude", "02T23"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(created["recipients"], 3, "{created}");
    assert_eq!(
        (created["planned"].as_i64(), created["excluded"].as_i64()),
        (Some(2), Some(1)),
        "{created}"
    );
    assert_eq!(created["status"], "planned");

    // Two days later nobody has touches left in the window except the campaign's own.
    let response = post(campaign("review", "09T15")).await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let reviewed: Value = response.json().await.unwrap();
    assert_eq!(reviewed["pending_review"], 0, "{reviewed}");
    assert_eq!(reviewed["planned"], 3, "{reviewed}");

    let response = post(campaign("postpone", "10T15")).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = response.json().await.unwrap();
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("on_conflict:"),
        "{error}"
    );
}
