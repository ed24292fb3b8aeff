//! The ledger through the REST API: contacts, planning with conflicts, the send gate, events,
//! claims and reviews — the same store and engine the pages use.

use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

pub(crate) async fn call(
    app: &TestApp,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The rule ids of an answer's conflicts, in order.
pub(crate) fn conflict_rules(answer: &Value) -> Vec<String> {
    answer["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap().to_owned())
        .collect()
}

/// The messages of an answer's conflicts under `rule`.
pub(crate) fn conflict_messages(answer: &Value, rule: &str) -> Vec<String> {
    answer["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["rule"] == rule)
        .map(|c| c["message"].as_str().unwrap().to_owned())
        .collect()
}

pub(crate) async fn new_contact(app: &TestApp, token: &str, stage: &str) -> i64 {
    let body = json!({"name": "Casey Contact", "email": "casey@example.org", "phone": "+1 617 555 0100",
                      "timezone": "America/New_York", "stage": stage,
                      "consent": {"email": true, "sms": true, "phone": true, "mail": true}});
    let (status, contact) = call(app, token, Method::POST, "/api/v1/contacts", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{contact}");
    contact["id"].as_i64().unwrap()
}

fn touch(contact: i64, at: &str, title: &str) -> Value {
    json!({"contact_id": contact, "channel": "email", "purpose": "newsletter",
           "scheduled_at": at, "title": title})
}

#[tokio::test]
async fn contacts_are_created_read_and_patched_with_versions() {
    let app = spawn_app().await;
    let token = app.token_for("mia@example.com", Role::Marketer).await;
    let id = new_contact(&app, &token, "lead").await;

    let (status, contact) = call(
        &app,
        &token,
        Method::GET,
        &format!("/api/v1/contacts/{id}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(contact["timezone"], "America/New_York");
    assert_eq!(contact["stage"], "lead");
    let version = contact["version"].as_i64().unwrap();

    let patch = json!({"version": version, "stage": "customer"});
    let (status, changed) = call(
        &app,
        &token,
        Method::PATCH,
        &format!("/api/v1/contacts/{id}"),
        Some(patch.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["stage"], "customer");
    let (status, error) = call(
        &app,
        &token,
        Method::PATCH,
        &format!("/api/v1/contacts/{id}"),
        Some(patch),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "a stale version: {error}");

    let bad = json!({"name": "X", "timezone": "Mars/Olympus", "stage": "lead"});
    let (status, error) = call(&app, &token, Method::POST, "/api/v1/contacts", Some(bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        error["message"].as_str().unwrap().starts_with("timezone:"),
        "{error}"
    );
    let (status, _) = call(&app, &token, Method::GET, "/api/v1/contacts/999999", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, error) = call(&app, &token, Method::GET, "/api/v1/contacts/abc", None).await;
    assert_eq!(
        (status, error["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("malformed"))
    );
}

#[tokio::test]
async fn bombardment_the_third_touch_in_a_day_goes_to_review_and_a_manager_decides() {
    let app = spawn_app().await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let manager = app.token_for("max@example.com", Role::Manager).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let day = "2030-03-05T";

    for (hour, title) in [("14", "Launch"), ("19", "Local sale")] {
        let (status, planned) = call(
            &app,
            &marketer,
            Method::POST,
            "/api/v1/touches",
            Some(touch(contact, &format!("{day}{hour}:00:00Z"), title)),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{planned}");
        assert_eq!(planned["touch"]["status"], "planned");
    }
    // Dry run first: nothing stored, the cap named, and a later slot offered.
    let third = touch(contact, &format!("{day}23:30:00Z"), "Second launch");
    let (status, dry) = call(
        &app,
        &marketer,
        Method::POST,
        "/api/v1/touches?dry_run=true",
        Some(third.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{dry}");
    assert_eq!(dry["touch"]["status"], "pending_review");
    let rules: Vec<&str> = dry["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"daily_cap"), "{dry}");
    assert!(dry["next_allowed_at"].as_str().unwrap() > "2030-03-05T23:30:00Z");

    let (status, pending) = call(
        &app,
        &marketer,
        Method::POST,
        "/api/v1/touches",
        Some(third),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(pending["touch"]["status"], "pending_review");
    let id = pending["touch"]["id"].as_i64().unwrap();

    let review = json!({"decision": "approve", "reason": "Launch day exception agreed"});
    let (status, error) = call(
        &app,
        &marketer,
        Method::POST,
        &format!("/api/v1/reviews/{id}"),
        Some(review.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{error}");
    let (status, approved) = call(
        &app,
        &manager,
        Method::POST,
        &format!("/api/v1/reviews/{id}"),
        Some(review),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    assert_eq!(approved["status"], "approved");

    let (status, listed) = call(
        &app,
        &manager,
        Method::GET,
        "/api/v1/touches?from=2030-03-05T00:00:00Z&to=2030-03-06T12:00:00Z&channel=email",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed.as_array().unwrap().len(), 3, "{listed}");
}

#[tokio::test]
async fn the_send_gate_decides_without_storing_and_events_count_once() {
    let app = spawn_app().await;
    let token = app.token_for("gate@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &token, "prospect").await;

    let ask = json!({"contact_id": contact, "channel": "sms", "purpose": "promotional",
                     "at": "2030-07-01T07:00:00Z"});
    let (status, answer) = call(&app, &token, Method::POST, "/api/v1/check", Some(ask)).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(
        answer["decision"], "block",
        "03:00 in Boston is quiet hours: {answer}"
    );
    assert_eq!(answer["conflicts"][0]["rule"], "quiet_hours");
    assert_eq!(answer["next_allowed_at"], "2030-07-01T13:00:00Z");

    let reply = json!({"type": "interaction", "contact_id": contact, "kind": "reply", "channel": "email",
                       "at": "2030-06-30T15:00:00Z", "external_id": "esp-42"});
    let batch = json!([reply, reply, {"type": "sent", "touch_id": 999999, "at": "2030-06-30T15:00:00Z"},
                       {"type": "teleport"}]);
    let (status, answer) = call(&app, &token, Method::POST, "/api/v1/events", Some(batch)).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{answer}");
    assert_eq!(answer["accepted"], 1);
    assert_eq!(answer["duplicates"], 1, "{answer}");
    let rejected = answer["rejected"].as_array().unwrap();
    assert_eq!(
        (rejected[0]["index"].as_i64(), rejected[1]["index"].as_i64()),
        (Some(2), Some(3))
    );
    assert!(
        rejected[0]["error"].as_str().unwrap().contains("touch_id"),
        "{answer}"
    );

    let path = format!(
        "/api/v1/contacts/{contact}/timeline?from=2030-06-01T00:00:00Z&to=2030-08-01T00:00:00Z"
    );
    let (status, timeline) = call(&app, &token, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK, "{timeline}");
    assert_eq!(
        timeline["interactions"].as_array().unwrap().len(),
        1,
        "the same event twice counts once"
    );
    assert_eq!(
        timeline["touches"].as_array().unwrap().len(),
        0,
        "the gate stored nothing"
    );
    assert!(timeline["owner"].is_null());

    // The same message id, as an unsubscribe: another event, and consent is withdrawn.
    let unsubscribe = json!({"type": "interaction", "contact_id": contact, "kind": "unsubscribe",
                             "channel": "email", "at": "2030-06-30T16:00:00Z", "external_id": "esp-42"});
    let (status, answer) = call(
        &app,
        &token,
        Method::POST,
        "/api/v1/events",
        Some(unsubscribe),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{answer}");
    assert_eq!(
        (answer["accepted"].as_i64(), answer["duplicates"].as_i64()),
        (Some(1), Some(0))
    );
    let path = format!("/api/v1/contacts/{contact}");
    let (_, stored) = call(&app, &token, Method::GET, &path, None).await;
    assert_eq!(stored["consent"]["email"], false, "{stored}");
}

#[tokio::test]
async fn a_second_reps_claim_is_refused_as_already_owned() {
    let app = spawn_app().await;
    let rita = app.token_for("rita@example.com", Role::Rep).await;
    let ravi = app.token_for("ravi@example.com", Role::Rep).await;
    let mia = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &mia, "lead").await;
    let path = format!("/api/v1/contacts/{contact}/claim");

    let (status, error) = call(&app, &mia, Method::POST, &path, None).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a marketer may not claim: {error}"
    );
    let (status, claim) = call(&app, &rita, Method::POST, &path, None).await;
    assert_eq!(status, StatusCode::CREATED, "{claim}");
    assert!(claim["expires_at"].is_string());
    let (status, error) = call(&app, &ravi, Method::POST, &path, None).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(error["error"], "already_owned");

    let (status, _) = call(&app, &ravi, Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let response = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&rita)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}
