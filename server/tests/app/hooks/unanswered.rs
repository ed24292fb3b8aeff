//! A reply heard from a provider starts the owner's clock: left unanswered past the SLA, it
//! raises `unanswered_reply` on the contact, as a reply reported through the API does.

use super::connect;
use crate::api_ledger::{call, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use chrono::{TimeDelta, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// The alerts on `contact`'s timeline, as `token` sees them.
async fn alerts(app: &TestApp, token: &str, contact: i64) -> Vec<String> {
    let path = format!("/api/v1/contacts/{contact}/timeline");
    let (status, timeline) = call(app, token, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK, "{timeline}");
    timeline["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["alert"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn an_inbound_email_left_unanswered_raises_unanswered_reply_for_the_owner() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let rep = app.token_for("riley@example.com", Role::Rep).await;
    let contact = new_contact(&app, &rep, "lead").await;
    let path = format!("/api/v1/contacts/{contact}/claim");
    let (status, claim) = call(&app, &rep, Method::POST, &path, None).await;
    assert_eq!(status, StatusCode::CREATED, "{claim}");
    assert!(!alerts(&app, &rep, contact)
        .await
        .contains(&"unanswered_reply".to_owned()));

    let source = connect(&app, &admin, "postmark", "hook:a long hook password").await;
    let written = (Utc::now() - TimeDelta::days(5)).to_rfc2822();
    let inbound = json!({"FromFull": {"Email": "casey@example.org", "Name": "Casey"},
        "From": "casey@example.org", "To": "sales@ourco.example", "Subject": "Re: Spring news",
        "MessageID": "inbound-73e6d360", "Date": written, "StrippedTextReply": "Call me Tuesday."});
    for expected in [
        json!({"recorded": 1, "duplicates": 0, "dead_lettered": 0}),
        json!({"recorded": 0, "duplicates": 1, "dead_lettered": 0}),
    ] {
        let response = app
            .client
            .post(app.url(&format!("/hooks/{source}")))
            .basic_auth("hook", Some("a long hook password"))
            .json(&inbound)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.json::<Value>().await.unwrap(), expected);
    }
    assert!(
        alerts(&app, &rep, contact)
            .await
            .contains(&"unanswered_reply".to_owned()),
        "five days without an answer"
    );
}
