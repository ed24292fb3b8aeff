//! Amazon SES through SNS: messages signed here with a throwaway key under a certificate the
//! test pastes (as an admin would), for a topic the source names. The subscription
//! confirmation is kept until the certificate is there; a notification under an unknown
//! certificate, for another topic, from a host that is not SNS's, or altered, stores nothing.

use super::connect;
use super::postmark::{email_blocked_by_consent, rows, LEDGER};
use crate::api_ledger::new_contact;
use crate::helpers::{spawn_app, TestApp};
use app::domain::ids::UserId;
use app::domain::role::Role;
use base64::Engine;
use reqwest::StatusCode;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::RsaPrivateKey;
use serde_json::{json, Value};

const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:ses-events";
const CERT_URL: &str = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000.pem";
const CERT: &str = include_str!("sns/signing-cert.pem");
const KEY: &str = include_str!("sns/signing-key.pem");

/// The text SNS signs, written from AWS's "Verifying the signatures of Amazon SNS messages".
fn string_to_sign(message: &Value) -> String {
    let fields: &[&str] = if message["Type"] == "Notification" {
        &[
            "Message",
            "MessageId",
            "Subject",
            "Timestamp",
            "TopicArn",
            "Type",
        ]
    } else {
        &[
            "Message",
            "MessageId",
            "SubscribeURL",
            "Timestamp",
            "Token",
            "TopicArn",
            "Type",
        ]
    };
    fields
        .iter()
        .filter_map(|f| message[*f].as_str().map(|v| format!("{f}\n{v}\n")))
        .collect()
}

/// Signs `message` in place as SNS does, with `version` 1 (SHA-1) or 2 (SHA-256).
fn sign(mut message: Value, version: u8) -> Value {
    let key = RsaPrivateKey::from_pkcs8_pem(KEY).unwrap();
    let text = string_to_sign(&message);
    let signature = if version == 1 {
        SigningKey::<sha1::Sha1>::new(key)
            .sign(text.as_bytes())
            .to_vec()
    } else {
        SigningKey::<sha2::Sha256>::new(key)
            .sign(text.as_bytes())
            .to_vec()
    };
    message["SignatureVersion"] = json!(version.to_string());
    message["Signature"] = json!(base64::engine::general_purpose::STANDARD.encode(signature));
    message
}

fn confirmation() -> Value {
    sign(
        json!({"Type": "SubscriptionConfirmation", "MessageId": "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
               "Token": "2336412f37f", "TopicArn": TOPIC,
               "Message": "You have chosen to subscribe to the topic. To confirm, visit the SubscribeURL.",
               "SubscribeURL": "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=x&Token=2336412f37f",
               "Timestamp": "2026-12-05T12:00:00.000Z", "SigningCertURL": CERT_URL}),
        1,
    )
}

/// A notification of an SES permanent bounce for casey@example.org.
fn bounce(message_id: &str) -> Value {
    let ses = json!({"notificationType": "Bounce",
        "bounce": {"bounceType": "Permanent", "bounceSubType": "General", "timestamp": "2026-12-05T12:01:00.000Z",
                   "bouncedRecipients": [{"emailAddress": "casey@example.org", "diagnosticCode": "smtp; 550 5.1.1 user unknown"}]},
        "mail": {"timestamp": "2026-12-05T12:00:00.000Z", "messageId": "0100-ses-1", "destination": ["casey@example.org"]}});
    sign(
        json!({"Type": "Notification", "MessageId": message_id, "TopicArn": TOPIC,
               "Message": ses.to_string(), "Timestamp": "2026-12-05T12:01:01.000Z",
               "SigningCertURL": CERT_URL}),
        2,
    )
}

async fn post_sns(app: &TestApp, source: i64, message: &Value) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url(&format!("/hooks/{source}")))
        .header("Content-Type", "text/plain; charset=UTF-8")
        .header(
            "x-amz-sns-message-type",
            message["Type"].as_str().unwrap_or(""),
        )
        .body(message.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn paste_certificate(app: &TestApp, source: i64) {
    let pool = app::store::open(&app.db).await.unwrap();
    let admin = app
        .count("SELECT id FROM users WHERE email = 'ada@example.com'")
        .await;
    app::store::senders::add_sns_certificate(
        &pool,
        source,
        CERT_URL,
        CERT,
        UserId(admin),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    pool.close().await;
}

#[tokio::test]
async fn a_confirmation_waits_for_the_certificate_and_a_verified_bounce_withdraws_consent_once() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let source = connect(&app, &admin, "ses", TOPIC).await;

    // The confirmation arrives first, under a certificate Concord does not have: kept, waiting.
    let (status, report) = post_sns(&app, source, &confirmation()).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let wanted = format!("SELECT COUNT(*) FROM sources WHERE id = {source} AND sns_wanted_cert = '{CERT_URL}' AND sns_confirmation IS NOT NULL");
    assert_eq!(app.count(&wanted).await, 1);

    // A notification before the certificate is there is refused, and SNS retries it.
    let before = rows(&app, LEDGER).await;
    let (status, error) = post_sns(&app, source, &bounce("n-1")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{error}");
    assert_eq!(error["error"], "unknown_certificate", "{error}");
    assert_eq!(rows(&app, LEDGER).await, before);
    assert!(!email_blocked_by_consent(&app, &marketer, contact).await);

    paste_certificate(&app, source).await;
    assert_eq!(app.count(&wanted).await, 0, "no longer waiting");
    let before = rows(&app, LEDGER).await;

    // Refused, storing nothing: another topic, a host that is not SNS's, an altered message.
    let mut other_topic = bounce("n-2");
    other_topic["TopicArn"] = json!("arn:aws:sns:us-east-1:123456789012:other");
    let mut evil_host = bounce("n-3");
    evil_host["SigningCertURL"] =
        json!("https://sns.us-east-1.amazonaws.com.evil.example/cert.pem");
    let mut altered = bounce("n-4");
    altered["Message"] = json!(altered["Message"]
        .as_str()
        .unwrap()
        .replace("Permanent", "Transient"));
    for (message, why) in [
        (other_topic, "topic"),
        (evil_host, "host"),
        (altered, "altered"),
    ] {
        let (status, error) = post_sns(&app, source, &message).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{why}: {error}");
    }
    let (status, _) = post_sns(&app, source, &json!({"Type": "Notification"})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(rows(&app, LEDGER).await, before);

    // SNS's retry of the first notification now verifies: consent withdrawn, once.
    let (status, report) = post_sns(&app, source, &bounce("n-1")).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 1, "duplicates": 0, "dead_lettered": 0})
    );
    assert!(email_blocked_by_consent(&app, &marketer, contact).await);
    let after = rows(&app, LEDGER).await;
    let (status, again) = post_sns(&app, source, &bounce("n-1")).await;
    assert_eq!(
        (status, again["duplicates"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{again}"
    );
    assert_eq!(rows(&app, LEDGER).await, after);
    let confirmed = format!(
        "SELECT COUNT(*) FROM sources WHERE id = {source} AND sns_confirmed_at IS NOT NULL"
    );
    assert_eq!(app.count(&confirmed).await, 1);
}

#[tokio::test]
async fn an_ses_source_needs_a_topic_arn() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let body = json!({"kind": "ses", "label": "SES", "topic_arn": "ses-events"});
    let (status, error) = crate::api_ledger::call(
        &app,
        &admin,
        reqwest::Method::POST,
        "/api/v1/sources",
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert!(
        error["message"].as_str().unwrap().starts_with("topic_arn:"),
        "{error}"
    );
}
