//! Mailgun's webhooks: the signature (HMAC-SHA256 of timestamp and token) rides in the body,
//! and the token, not `event-data.id`, identifies the event.

use super::postmark::{email_blocked_by_consent, rows, LEDGER};
use super::{connect, plan_touch};
use crate::api_ledger::{call, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const KEY: &str = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

/// A webhook post of `event` signed with `key` at `timestamp` with `token`.
fn signed(key: &str, timestamp: i64, token: &str, event: Value) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(format!("{timestamp}{token}").as_bytes());
    let signature = hex::encode(mac.finalize().into_bytes());
    json!({"signature": {"timestamp": timestamp.to_string(), "token": token, "signature": signature},
           "event-data": event})
    .to_string()
}

/// A `failed` event for `recipient` (`touch` in the user variables; 0 names none).
fn failed(severity: &str, recipient: &str, touch: i64, at: i64) -> Value {
    json!({"event": "failed", "severity": severity, "reason": "bounce", "timestamp": at as f64 + 0.375,
           "id": "G9Bn5sl1TC6nu79C8C0bwg", "recipient": recipient, "log-level": "error",
           "user-variables": {"concord_touch_id": touch.to_string()},
           "delivery-status": {"code": 550, "message": "5.1.1 The email account does not exist",
                               "description": ""},
           "message": {"headers": {"message-id": "20310304150000.1.ABC@mg.ourco.example"}}})
}

async fn post_mailgun(app: &TestApp, source: i64, body: &str) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url(&format!("/hooks/{source}")))
        .header("Content-Type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_signed_permanent_failure_withdraws_email_consent_once_and_a_forged_or_stale_one_stores_nothing(
) {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let touch_id = plan_touch(&app, &marketer, contact, "email", "newsletter").await;
    let source = connect(&app, &admin, "mailgun", KEY).await;
    let now = chrono::Utc::now().timestamp();
    let token = "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0";
    let bounce = failed("permanent", "casey@example.org", touch_id, now);
    let good = signed(KEY, now, token, bounce.clone());

    let untouched = rows(&app, LEDGER).await;
    let forged = signed("key-someone-elses", now, token, bounce.clone());
    let mut not_hex: Value = serde_json::from_str(&good).unwrap();
    not_hex["signature"]["signature"] = json!("not hex at all");
    let mut unsigned: Value = serde_json::from_str(&good).unwrap();
    unsigned.as_object_mut().unwrap().remove("signature");
    // The timestamp is signed: moved, the signature no longer verifies.
    let mut moved: Value = serde_json::from_str(&good).unwrap();
    moved["signature"]["timestamp"] = json!((now + 1).to_string());
    for (body, expected) in [
        (forged, StatusCode::UNAUTHORIZED),
        (not_hex.to_string(), StatusCode::UNAUTHORIZED),
        (unsigned.to_string(), StatusCode::UNAUTHORIZED),
        (moved.to_string(), StatusCode::UNAUTHORIZED),
        ("not json".to_owned(), StatusCode::UNAUTHORIZED),
        (
            signed(KEY, now - 3_600, token, bounce.clone()),
            StatusCode::FORBIDDEN,
        ),
        (
            signed(KEY, now + 3_600, token, bounce.clone()),
            StatusCode::FORBIDDEN,
        ),
        (
            signed(
                KEY,
                now,
                token,
                json!({"event": "teleported", "timestamp": now}),
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            signed(KEY, now, token, json!(null)),
            StatusCode::BAD_REQUEST,
        ),
        (
            signed(
                KEY,
                now,
                token,
                json!({"event": "delivered", "recipient": "casey@example.org"}),
            ),
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let (status, error) = post_mailgun(&app, source, &body).await;
        assert_eq!(status, expected, "{body}: {error}");
    }
    assert_eq!(
        post_mailgun(&app, source + 1, &good).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM hook_events").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM dead_letters").await, 0);
    assert_eq!(rows(&app, LEDGER).await, untouched);
    assert!(!email_blocked_by_consent(&app, &marketer, contact).await);

    let (status, report) = post_mailgun(&app, source, &good).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 1, "duplicates": 0, "dead_lettered": 0})
    );
    assert!(email_blocked_by_consent(&app, &marketer, contact).await);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM touches WHERE id = {touch_id} AND status = 'failed'"
        ))
        .await,
        1
    );
    // A touch planned now is held for review, the consent rule named.
    let another = json!({"contact_id": contact, "channel": "email", "purpose": "newsletter",
                         "scheduled_at": "2031-06-05T15:00:00Z", "title": "Summer news"});
    let (status, held) = call(
        &app,
        &marketer,
        Method::POST,
        "/api/v1/touches",
        Some(another),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{held}");
    assert_eq!(held["touch"]["status"], "pending_review", "{held}");
    assert!(
        held["conflicts"].to_string().contains("\"consent\""),
        "{held}"
    );

    let before = rows(&app, LEDGER).await;
    let (status, again) = post_mailgun(&app, source, &good).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(
        again,
        json!({"recorded": 0, "duplicates": 1, "dead_lettered": 0})
    );
    // The signature covers only the timestamp and token: a captured one put on another event
    // is that token again, and changes nothing.
    let swapped =
        json!({"event": "unsubscribed", "timestamp": now, "recipient": "casey@example.org"});
    let (status, again) = post_mailgun(&app, source, &signed(KEY, now, token, swapped)).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["duplicates"], 1, "{again}");
    assert_eq!(
        rows(&app, LEDGER).await,
        before,
        "redelivery changes nothing"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'contact.consent_withdrawn'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_temporary_failure_changes_nothing_an_open_is_engagement_and_a_stranger_is_dead_lettered()
{
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let source = connect(&app, &admin, "mailgun", KEY).await;
    let now = chrono::Utc::now().timestamp();

    let deferred = signed(
        KEY,
        now,
        "token-1",
        failed("temporary", "casey@example.org", 0, now),
    );
    let (status, report) = post_mailgun(&app, source, &deferred).await;
    assert_eq!(
        (status, report["recorded"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{report}"
    );
    assert!(
        !email_blocked_by_consent(&app, &marketer, contact).await,
        "a deferral keeps consent"
    );
    let open = json!({"event": "opened", "timestamp": now, "id": "G9Bn5sl1TC6nu79C8C0bwg",
                      "recipient": "casey@example.org"});
    let (status, report) = post_mailgun(&app, source, &signed(KEY, now, "token-2", open)).await;
    assert_eq!(
        (status, report["recorded"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{report}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM engagements WHERE contact_id = {contact} AND kind = 'open'"
        ))
        .await,
        1,
        "de-duplicated on the token: the deferral's `event-data.id` again is another event"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM interactions").await,
        0,
        "an open is no reply"
    );

    let stranger = signed(
        KEY,
        now,
        "token-3",
        failed("permanent", "nobody@example.net", 0, now),
    );
    let (status, report) = post_mailgun(&app, source, &stranger).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 0, "duplicates": 0, "dead_lettered": 1})
    );
    let (_, letters) = call(&app, &admin, Method::GET, "/api/v1/dead-letters", None).await;
    assert_eq!(letters.as_array().unwrap().len(), 1, "{letters}");
    assert_eq!(letters[0]["event_id"], "token-3", "{letters}");
    assert!(
        letters[0]["reason"]
            .as_str()
            .unwrap()
            .contains("no contact"),
        "{letters}"
    );
    let (status, again) = post_mailgun(&app, source, &stranger).await;
    assert_eq!(
        (status, again["duplicates"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{again}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM dead_letters").await, 1);
}
