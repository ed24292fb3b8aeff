//! The settings and dashboard server functions over HTTP with a session: a refused rule change
//! saves nothing, a valid one changes what the planner decides, and the dashboard aggregates
//! the touches, conflicts and replies it is given.

use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use app::store::db;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const SECRET: &str = "a long enough secret";

/// A signed-in client for a new user of `role` (and an API token for them).
async fn session(app: &TestApp, email: &str, role: Role) -> (reqwest::Client, String) {
    let token = app.token_for(email, role).await;
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let signed = app.post_sign_in(&client, email, SECRET, "/").await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    (client, token)
}

async fn server_fn(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    let response = client
        .post(app.url(&format!("/api/{name}")))
        .form(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn api(
    app: &TestApp,
    token: &str,
    method: Method,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    let response = app
        .client
        .request(method, app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn contact(app: &TestApp, token: &str) -> i64 {
    let body = json!({"name": "Casey Contact", "email": "casey@example.org",
                      "timezone": "America/New_York", "stage": "lead"});
    let (status, contact) = api(app, token, Method::POST, "/api/v1/contacts", body).await;
    assert_eq!(status, StatusCode::CREATED, "{contact}");
    contact["id"].as_i64().unwrap()
}

async fn plan(app: &TestApp, token: &str, contact: i64, at: &str) -> String {
    let body = json!({"contact_id": contact, "channel": "email", "purpose": "newsletter", "scheduled_at": at, "title": "Hi"});
    let (status, planned) = api(app, token, Method::POST, "/api/v1/touches", body).await;
    assert_eq!(status, StatusCode::CREATED, "{planned}");
    planned["touch"]["status"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_cap_of_zero_is_refused_and_a_valid_cap_changes_what_the_planner_decides() {
    let app = spawn_app().await;
    let (admin, _) = session(&app, "ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;

    let (status, error) = server_fn(
        &app,
        &admin,
        "save_rule",
        &[
            ("id", "daily_cap"),
            ("version", "0"),
            ("enabled", "on"),
            ("severity", "block"),
            ("params[limit]", "0"),
            ("params[window]", "24h"),
        ],
    )
    .await;
    assert!(
        status.is_server_error() || status.is_client_error(),
        "{status}"
    );
    assert_eq!(
        error["Validation"], "Not saved. daily_cap, limit: must be at least 1",
        "{error}"
    );
    let (_, error) = server_fn(
        &app,
        &admin,
        "save_rule",
        &[
            ("id", "weekly_cap"),
            ("version", "0"),
            ("enabled", "on"),
            ("params[window]", "0h"),
        ],
    )
    .await;
    assert_eq!(
        error["Validation"],
        "Not saved. weekly_cap, window: a duration of 0 is not allowed"
    );

    let pool = app::store::open(&app.db).await.unwrap();
    let stored: i64 = db::query_scalar("SELECT COUNT(*) FROM rules")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 0, "a refused change stores nothing");

    let id = contact(&app, &marketer).await;
    assert_eq!(
        plan(&app, &marketer, id, "2030-03-05T14:00:00Z").await,
        "planned"
    );
    assert_eq!(
        plan(&app, &marketer, id, "2030-03-05T19:00:00Z").await,
        "planned"
    );
    assert_eq!(
        plan(&app, &marketer, id, "2030-03-05T23:30:00Z").await,
        "pending_review"
    );

    let (status, saved) = server_fn(
        &app,
        &admin,
        "save_rule",
        &[
            ("id", "daily_cap"),
            ("version", "0"),
            ("enabled", "on"),
            ("severity", "block"),
            ("params[limit]", "4"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved, "Saved daily_cap.");
    assert_eq!(
        plan(&app, &marketer, id, "2030-03-06T04:00:00Z").await,
        "planned",
        "the 4-a-day cap lets a fourth through"
    );
    let audited: i64 =
        db::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'rule.saved'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(audited, 1);

    let (_, overview) = server_fn(&app, &admin, "settings_overview", &[]).await;
    let daily = overview["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "daily_cap")
        .unwrap();
    assert_eq!(daily["fields"][0]["value"], "4", "{daily}");
    assert_eq!(
        overview["rules"][0]["id"], "daily_cap",
        "rules are listed in DESIGN's order"
    );
}

#[tokio::test]
async fn a_user_sets_their_own_time_zone_and_an_unknown_zone_is_refused() {
    let app = spawn_app().await;
    let (rep, _) = session(&app, "riley@example.com", Role::Rep).await;
    let (_, error) = server_fn(&app, &rep, "set_my_timezone", &[("zone", "Mars/Olympus")]).await;
    assert!(
        error["Validation"]
            .as_str()
            .unwrap()
            .starts_with("time zone: \"Mars/Olympus\" is not a time zone"),
        "{error}"
    );
    let (status, zone) = server_fn(
        &app,
        &rep,
        "set_my_timezone",
        &[("zone", " Europe/Berlin ")],
    )
    .await;
    assert_eq!((status, zone), (StatusCode::OK, json!("Europe/Berlin")));
    let (_, me) = server_fn(&app, &rep, "current_user", &[]).await;
    assert_eq!(me["timezone"], "Europe/Berlin");
}

#[tokio::test]
async fn the_dashboard_aggregates_touches_conflicts_and_replies_in_the_range() {
    let app = spawn_app().await;
    let (manager, _) = session(&app, "max@example.com", Role::Manager).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let id = contact(&app, &marketer).await;
    for at in [
        "2030-03-05T14:00:00Z",
        "2030-03-05T19:00:00Z",
        "2030-03-05T23:30:00Z",
    ] {
        plan(&app, &marketer, id, at).await;
    }
    let reply = json!([{"type": "interaction", "contact_id": id, "kind": "reply", "channel": "email",
                        "at": "2030-03-05T18:00:00Z", "external_id": "esp-1"}]);
    let (status, _) = api(&app, &marketer, Method::POST, "/api/v1/events", reply).await;
    assert_eq!(status, StatusCode::ACCEPTED);

    let range = [("from", "2030-03-01"), ("to", "2030-03-28"), ("team", "")];
    let (status, p) = server_fn(&app, &manager, "pressure", &range).await;
    assert_eq!(status, StatusCode::OK, "{p}");
    assert_eq!(p["per_week"], json!([{"label": "3", "value": 1}]), "{p}");
    assert_eq!(p["by_rule"][0]["label"], "daily_cap", "{p}");
    assert_eq!(p["by_team"][0]["label"], "Operations", "{p}");
    assert_eq!(
        p["replies"][1],
        json!({"label": "1–4 h", "value": 1}),
        "{p}"
    );
    assert_eq!(p["weeks"].as_array().unwrap().len(), 4);
    assert_eq!(p["ghosted"], json!([0, 0, 0, 0]));

    let (_, other) = server_fn(
        &app,
        &manager,
        "pressure",
        &[
            ("from", "2030-03-01"),
            ("to", "2030-03-28"),
            ("team", "999"),
        ],
    )
    .await;
    assert_eq!(
        other["per_week"],
        json!([]),
        "another team's filter sees none of it"
    );
    let (_, error) = server_fn(
        &app,
        &manager,
        "pressure",
        &[("from", "2030-03-28"), ("to", "2030-03-01"), ("team", "")],
    )
    .await;
    assert!(
        error["Validation"].as_str().unwrap().starts_with("from:"),
        "{error}"
    );
}

#[tokio::test]
async fn the_dashboard_names_the_ghosted_and_breadcrumbed_contacts_of_its_range() {
    let app = spawn_app().await;
    let (manager, _) = session(&app, "max@example.com", Role::Manager).await;
    let rep = app.token_for("riley@example.com", Role::Rep).await;
    let now = chrono::Utc::now();
    let ago = |days: i64| (now - chrono::TimeDelta::days(days)).to_rfc3339();
    let new = |name: &str, email: &str| json!({"name": name, "email": email, "timezone": "America/New_York", "stage": "lead"});
    // Gus wrote five days ago and nobody answered.
    let (_, gus) = api(
        &app,
        &rep,
        Method::POST,
        "/api/v1/contacts",
        new("Gus Ghosted", "gus@example.org"),
    )
    .await;
    let reply = json!([{"type": "interaction", "contact_id": gus["id"], "kind": "reply",
                        "channel": "email", "at": ago(5), "external_id": "esp-gus"}]);
    let (status, _) = api(&app, &rep, Method::POST, "/api/v1/events", reply).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    // Bea, Riley's, was written to 40 days ago, then nothing until 10 days ago.
    let (_, bea) = api(
        &app,
        &rep,
        Method::POST,
        "/api/v1/contacts",
        new("Bea Crumb", "bea@example.org"),
    )
    .await;
    let bea = bea["id"].as_i64().unwrap();
    let (status, _) = api(
        &app,
        &rep,
        Method::POST,
        &format!("/api/v1/contacts/{bea}/claim"),
        json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    for days in [40, 10] {
        let done = json!({"contact_id": bea, "channel": "email", "purpose": "sales_followup",
                          "scheduled_at": ago(days), "title": "Following up"});
        let (status, body) = api(&app, &rep, Method::POST, "/api/v1/touches/log", done).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }

    let blank = [("from", ""), ("to", ""), ("team", "")];
    let (status, p) = server_fn(&app, &manager, "pressure", &blank).await;
    assert_eq!(status, StatusCode::OK, "{p}");
    let names = |key: &str| -> Vec<String> {
        p[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names("ghosted_names"), ["Gus Ghosted"], "{p}");
    assert_eq!(names("breadcrumbed_names"), ["Bea Crumb"], "{p}");
    assert_eq!(p["breadcrumbed_names"][0]["id"], json!(bea));
}

#[tokio::test]
async fn an_admin_issues_a_token_that_expires_after_the_days_given() {
    let app = spawn_app().await;
    let (admin, _) = session(&app, "ada@example.com", Role::Admin).await;
    let user = app
        .count("SELECT id FROM users WHERE email = 'ada@example.com'")
        .await
        .to_string();
    let (status, error) = server_fn(
        &app,
        &admin,
        "create_token",
        &[
            ("user_id", &user),
            ("label", "dialer"),
            ("expires_in_days", "0"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    let (status, id) = server_fn(
        &app,
        &admin,
        "create_token",
        &[
            ("user_id", &user),
            ("label", "dialer"),
            ("expires_in_days", "30"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let days = app
        .count(&format!(
            "SELECT (expires_at - created_at) / 86400 FROM api_tokens WHERE id = {id}"
        ))
        .await;
    assert_eq!(days, 30);
}
