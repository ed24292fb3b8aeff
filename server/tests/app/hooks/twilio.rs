//! Twilio's signed form posts: STOP by text, replies from unknown numbers.

use super::{connect, plan_touch};
use crate::api_ledger::{call, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn post_twilio(
    app: &TestApp,
    source: i64,
    token: &str,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    let body: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let url = app.url(&format!("/hooks/{source}"));
    let signature = server::hooks::verify::twilio_signature(token, &url, body.as_bytes());
    let response = app
        .client
        .post(&url)
        .header("X-Twilio-Signature", signature)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn stop_by_text_blocks_every_teams_sms_and_an_unknown_number_waits_in_the_dead_letters() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let source = connect(&app, &admin, "twilio_sms", "twilio-auth-token").await;

    let wrong = post_twilio(
        &app,
        source,
        "not-the-token",
        &[
            ("MessageSid", "SM1"),
            ("From", "+16175550100"),
            ("Body", "STOP"),
        ],
    )
    .await;
    assert_eq!(wrong.0, StatusCode::UNAUTHORIZED, "{}", wrong.1);
    let (status, report) = post_twilio(
        &app,
        source,
        "twilio-auth-token",
        &[
            ("MessageSid", "SM1"),
            ("From", "+16175550100"),
            ("To", "+16175550199"),
            ("Body", "Stop"),
        ],
    )
    .await;
    assert_eq!(
        (status, report["recorded"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{report}"
    );
    // Another team's text (the admin's team, not the marketer's) is blocked too.
    let check = json!({"contact_id": contact, "channel": "sms", "purpose": "promotional",
                       "at": "2031-03-04T15:00:00Z"});
    let (_, decided) = call(&app, &admin, Method::POST, "/api/v1/check", Some(check)).await;
    assert_eq!(decided["decision"], "block", "{decided}");
    assert!(
        decided["conflicts"].to_string().contains("consent"),
        "{decided}"
    );

    // A reply from a number no contact has: kept, with the reason, until that contact exists.
    let (status, report) = post_twilio(
        &app,
        source,
        "twilio-auth-token",
        &[
            ("MessageSid", "SM2"),
            ("From", "+14155550123"),
            ("To", "+16175550199"),
            ("Body", "Call me tomorrow"),
        ],
    )
    .await;
    assert_eq!(
        (status, report["dead_lettered"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{report}"
    );
    let (_, letters) = call(&app, &admin, Method::GET, "/api/v1/dead-letters", None).await;
    assert_eq!(letters.as_array().unwrap().len(), 1, "{letters}");
    assert!(
        letters[0]["reason"]
            .as_str()
            .unwrap()
            .contains("no contact"),
        "{letters}"
    );
    let id = letters[0]["id"].as_i64().unwrap();
    let (status, refused) = call(
        &app,
        &admin,
        Method::POST,
        &format!("/api/v1/dead-letters/{id}/replay"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let body = json!({"name": "Robin Reply", "phone": "(415) 555-0123", "timezone": "America/Los_Angeles", "stage": "lead"});
    let (status, _) = call(
        &app,
        &marketer,
        Method::POST,
        "/api/v1/contacts",
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = call(
        &app,
        &admin,
        Method::POST,
        &format!("/api/v1/dead-letters/{id}/replay"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM interactions WHERE kind = 'reply' AND channel = 'sms'")
            .await,
        1
    );
    let (_, letters) = call(&app, &admin, Method::GET, "/api/v1/dead-letters", None).await;
    assert_eq!(letters.as_array().unwrap().len(), 0, "{letters}");
}

/// A sender that reports `sent` through the API with Twilio's `MessageSid` as `message_id` needs
/// no touch id in the status callback URL: Twilio's `delivered` finds the touch by the id.
#[tokio::test]
async fn a_message_id_reported_with_sent_lets_the_providers_callback_find_the_touch() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let touch_id = plan_touch(&app, &marketer, contact, "sms", "newsletter").await;
    let source = connect(&app, &admin, "twilio_sms", "twilio-auth-token").await;
    let sent = json!({"type": "sent", "touch_id": touch_id, "at": "2031-03-04T15:00:01Z",
                      "external_id": "sent-1", "message_id": "SM-known"});
    let (status, answer) = call(&app, &marketer, Method::POST, "/api/v1/events", Some(sent)).await;
    assert_eq!(
        (status, answer["accepted"].as_i64()),
        (StatusCode::ACCEPTED, Some(1)),
        "{answer}"
    );

    let (status, report) = post_twilio(
        &app,
        source,
        "twilio-auth-token",
        &[
            ("MessageSid", "SM-known"),
            ("MessageStatus", "delivered"),
            ("To", "+16175550100"),
            ("From", "+16175550000"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 1, "duplicates": 0, "dead_lettered": 0})
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM touch_events WHERE touch_id = {touch_id} AND kind = 'delivered'"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM hook_events WHERE touch_id = {touch_id}"
        ))
        .await,
        1
    );
}
