//! Mailgun Routes: an inbound email forwarded as a signed form post becomes a reply on the
//! contact who wrote; an auto-responder's is only noted; a forged post stores nothing.

use super::connect;
use super::postmark::{rows, LEDGER};
use crate::api_ledger::{call, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const KEY: &str = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

/// A routed email from `sender`, signed with `key`, with `headers` as Mailgun lists them.
fn routed(key: &str, token: &str, sender: &str, headers: Value) -> String {
    let timestamp = chrono::Utc::now().timestamp().to_string();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(format!("{timestamp}{token}").as_bytes());
    let signature = hex::encode(mac.finalize().into_bytes());
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("sender", sender),
            ("recipient", "sales@reply.ourco.example"),
            ("subject", "Re: Spring news"),
            ("stripped-text", "Yes, call me on Tuesday."),
            ("message-headers", &headers.to_string()),
            ("timestamp", &timestamp),
            ("token", token),
            ("signature", &signature),
        ])
        .finish()
}

async fn post_form(app: &TestApp, source: i64, body: String) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url(&format!("/hooks/{source}")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The kinds of `contact`'s interactions on the timeline.
async fn interactions(app: &TestApp, token: &str, contact: i64) -> Vec<String> {
    let path = format!("/api/v1/contacts/{contact}/timeline");
    let (status, timeline) = call(app, token, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK, "{timeline}");
    timeline["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{}/{}",
                i["kind"].as_str().unwrap(),
                i["channel"].as_str().unwrap()
            )
        })
        .collect()
}

#[tokio::test]
async fn a_routed_reply_is_one_reply_on_its_sender_and_an_auto_reply_or_forgery_is_not() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let source = connect(&app, &admin, "mailgun", KEY).await;

    let before = rows(&app, LEDGER).await;
    let forged = routed("not-the-key", "t-0", "casey@example.org", json!([]));
    let (status, error) = post_form(&app, source, forged).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{error}");
    let away = json!([
        ["Auto-Submitted", "auto-replied"],
        ["Subject", "Out of office"]
    ]);
    let (status, report) =
        post_form(&app, source, routed(KEY, "t-1", "Casey@Example.org", away)).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["recorded"], 1, "{report}");
    assert_eq!(
        interactions(&app, &marketer, contact).await,
        Vec::<String>::new()
    );
    assert_eq!(
        rows(&app, LEDGER).await[1..4],
        before[1..4],
        "an auto-reply changes nothing"
    );

    let human = json!([["In-Reply-To", "<20310304150000.1.ABC@mg.ourco.example>"]]);
    let reply = routed(KEY, "t-2", "casey@example.org", human);
    let (status, report) = post_form(&app, source, reply.clone()).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 1, "duplicates": 0, "dead_lettered": 0})
    );
    assert_eq!(
        interactions(&app, &marketer, contact).await,
        vec!["reply/email"]
    );
    let (status, again) = post_form(&app, source, reply).await;
    assert_eq!(
        (status, again["duplicates"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{again}"
    );
    assert_eq!(
        interactions(&app, &marketer, contact).await,
        vec!["reply/email"]
    );
}
