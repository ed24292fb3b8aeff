//! The failure stories of DESIGN's opening table, each driven through the REST API as an
//! integrator would, asserting the rule and alert ids Concord answers with.

use crate::api_ledger::{call, conflict_rules, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use chrono::{TimeDelta, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// The rule ids of a dry run of `touch`, and its decision (`planned` or `pending_review`).
async fn dry_run(app: &TestApp, token: &str, touch: Value) -> (Vec<String>, String) {
    let (status, body) = call(
        app,
        token,
        Method::POST,
        "/api/v1/touches?dry_run=true",
        Some(touch),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (
        conflict_rules(&body),
        body["touch"]["status"].as_str().unwrap().to_owned(),
    )
}

/// Plans `touch`; its rule ids and status.
async fn plan(app: &TestApp, token: &str, touch: Value) -> (Vec<String>, String) {
    let (status, body) = call(app, token, Method::POST, "/api/v1/touches", Some(touch)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    (
        conflict_rules(&body),
        body["touch"]["status"].as_str().unwrap().to_owned(),
    )
}

fn touch(contact: i64, channel: &str, purpose: &str, at: &str) -> Value {
    json!({"contact_id": contact, "channel": channel, "purpose": purpose, "scheduled_at": at,
           "title": format!("{purpose} {channel}")})
}

async fn second_team(app: &TestApp) -> i64 {
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let (status, team) = call(
        app,
        &admin,
        Method::POST,
        "/api/v1/teams",
        Some(json!({"name": "Boston store"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{team}");
    team["id"].as_i64().unwrap()
}

#[tokio::test]
async fn bombardment_every_teams_touches_count_against_one_cap() {
    let app = spawn_app().await;
    let mia = app.token_for("mia@example.com", Role::Marketer).await;
    let boston = second_team(&app).await;
    let id = new_contact(&app, &mia, "customer").await;
    // A rep's follow-up and a local sale, then a national launch: three teams' emails in 8 h.
    plan(
        &app,
        &mia,
        touch(id, "email", "relationship", "2027-03-02T09:00:00-05:00"),
    )
    .await;
    // Planned in the Boston store's name by a manager (a marketer may plan only in their own).
    let max = app.token_for("max@example.com", Role::Manager).await;
    let mut local = touch(id, "email", "newsletter", "2027-03-02T13:00:00-05:00");
    local["team_id"] = json!(boston);
    let (found, status) = plan(&app, &max, local).await;
    assert!(found.contains(&"cross_team".to_owned()), "{found:?}");
    assert_eq!(status, "planned", "cross_team only warns");
    let (found, status) = dry_run(
        &app,
        &mia,
        touch(id, "email", "newsletter", "2027-03-02T17:00:00-05:00"),
    )
    .await;
    assert!(found.contains(&"daily_cap".to_owned()), "{found:?}");
    assert_eq!(status, "pending_review");
}

#[tokio::test]
async fn lead_genocide_a_download_gets_a_cool_down_and_follow_ups_keep_their_gap() {
    let app = spawn_app().await;
    let rep = app.token_for("riley@example.com", Role::Rep).await;
    let id = new_contact(&app, &rep, "lead").await;
    let download = json!({"type": "interaction", "contact_id": id, "kind": "download", "channel": "email",
                          "at": "2027-03-02T10:00:00-05:00"});
    let (status, body) = call(&app, &rep, Method::POST, "/api/v1/events", Some(download)).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    // "10 minute call?" an hour after the ebook download.
    let (found, status) = dry_run(
        &app,
        &rep,
        touch(id, "email", "sales_followup", "2027-03-02T11:00:00-05:00"),
    )
    .await;
    assert!(
        found.contains(&"first_touch_cooldown".to_owned()),
        "{found:?}"
    );
    assert_eq!(status, "pending_review");
    // After the cool-down one follow-up goes out; "couldn't reach you" 34 minutes later does not.
    let (found, status) = plan(
        &app,
        &rep,
        touch(id, "email", "sales_followup", "2027-03-03T11:00:00-05:00"),
    )
    .await;
    assert_eq!((found.len(), status.as_str()), (0, "planned"), "{found:?}");
    let (found, _) = dry_run(
        &app,
        &rep,
        touch(id, "email", "sales_followup", "2027-03-03T11:34:00-05:00"),
    )
    .await;
    assert!(found.contains(&"min_gap".to_owned()), "{found:?}");
    assert!(
        found.contains(&"first_touch_cooldown".to_owned()),
        "one follow-up per window: {found:?}"
    );
}

#[tokio::test]
async fn multi_channel_pile_up_a_third_channel_in_three_days_is_flagged() {
    let app = spawn_app().await;
    let mia = app.token_for("mia@example.com", Role::Marketer).await;
    let id = new_contact(&app, &mia, "prospect").await;
    plan(
        &app,
        &mia,
        touch(id, "sms", "newsletter", "2027-03-02T14:00:00-05:00"),
    )
    .await;
    plan(
        &app,
        &mia,
        touch(id, "email", "newsletter", "2027-03-03T14:00:00-05:00"),
    )
    .await;
    let (found, status) = dry_run(
        &app,
        &mia,
        touch(id, "phone", "relationship", "2027-03-04T14:00:00-05:00"),
    )
    .await;
    assert!(found.contains(&"channel_mix".to_owned()), "{found:?}");
    assert_eq!(status, "planned", "channel_mix warns");
}

#[tokio::test]
async fn customers_treated_like_prospects_get_fewer_promos() {
    let app = spawn_app().await;
    let mia = app.token_for("mia@example.com", Role::Marketer).await;
    let id = new_contact(&app, &mia, "customer").await;
    plan(
        &app,
        &mia,
        touch(id, "email", "promotional", "2027-03-02T10:00:00-05:00"),
    )
    .await;
    let (found, _) = dry_run(
        &app,
        &mia,
        touch(id, "email", "promotional", "2027-03-05T10:00:00-05:00"),
    )
    .await;
    assert!(found.contains(&"customer_promo".to_owned()), "{found:?}");
}

#[tokio::test]
async fn wrong_segment_and_wrong_voice_are_flagged_per_recipient() {
    let app = spawn_app().await;
    let mia = app.token_for("mia@example.com", Role::Marketer).await;
    let body = json!({"name": "Pat Parent", "email": "pat@example.org", "phone": "+1 617 555 0101",
                      "address": "1 Main St, Boston MA 02110", "timezone": "America/New_York", "stage": "customer",
                      "attributes": {"child_age": "15"},
                      "consent": {"email": true, "sms": true, "phone": true, "mail": true}});
    let (status, contact) = call(&app, &mia, Method::POST, "/api/v1/contacts", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{contact}");
    let id = contact["id"].as_i64().unwrap();
    // Diaper coupons to the parent of a 15-year-old.
    let mut coupons = touch(id, "email", "newsletter", "2027-03-02T10:00:00-05:00");
    coupons["audience"] = json!("child_age < 3");
    let (found, _) = dry_run(&app, &mia, coupons).await;
    assert_eq!(found, vec!["audience"]);
    // A robot voice saying "we care".
    let mut robo = touch(id, "phone", "relationship", "2027-03-02T10:00:00-05:00");
    robo["automated"] = json!(true);
    let (found, _) = dry_run(&app, &mia, robo).await;
    assert_eq!(found, vec!["robo_care"]);
    // Urgent mail to "current resident".
    let mut resident = touch(id, "mail", "promotional", "2027-03-02T10:00:00-05:00");
    resident["personalized"] = json!(false);
    let (found, _) = dry_run(&app, &mia, resident).await;
    assert!(found.contains(&"addressee".to_owned()), "{found:?}");
}

#[tokio::test]
async fn ghosting_and_breadcrumbing_raise_alerts_on_the_timeline() {
    let app = spawn_app().await;
    let rep = app.token_for("riley@example.com", Role::Rep).await;
    let now = Utc::now();
    let ago = |days: i64| (now - TimeDelta::days(days)).to_rfc3339();

    // Ghosting: a reply five days ago, never answered.
    let ghosted = new_contact(&app, &rep, "lead").await;
    let reply = json!({"type": "interaction", "contact_id": ghosted, "kind": "reply", "channel": "email", "at": ago(5)});
    let (status, body) = call(&app, &rep, Method::POST, "/api/v1/events", Some(reply)).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let (_, timeline) = call(
        &app,
        &rep,
        Method::GET,
        &format!("/api/v1/contacts/{ghosted}/timeline"),
        None,
    )
    .await;
    let alerts: Vec<&str> = timeline["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["alert"].as_str().unwrap())
        .collect();
    assert!(alerts.contains(&"unanswered_reply"), "{timeline}");

    // Breadcrumbing: the owner followed up every 10 days, then stopped 40 days ago.
    let crumbed = new_contact(&app, &rep, "lead").await;
    let (status, claim) = call(
        &app,
        &rep,
        Method::POST,
        &format!("/api/v1/contacts/{crumbed}/claim"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{claim}");
    // Those follow-ups happened: they are logged, not planned (the past is no planning target).
    for days in [60, 50, 40] {
        let done = touch(crumbed, "email", "sales_followup", &ago(days));
        let (status, body) =
            call(&app, &rep, Method::POST, "/api/v1/touches/log", Some(done)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["touch"]["status"], "sent", "{body}");
    }
    let (_, timeline) = call(
        &app,
        &rep,
        Method::GET,
        &format!("/api/v1/contacts/{crumbed}/timeline"),
        None,
    )
    .await;
    let alerts: Vec<&str> = timeline["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["alert"].as_str().unwrap())
        .collect();
    assert!(alerts.contains(&"cadence_gap"), "{timeline}");
}
