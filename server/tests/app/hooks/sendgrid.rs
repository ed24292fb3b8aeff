//! SendGrid's signed Event Webhook batches.

use super::{connect, plan_touch};
use crate::api_ledger::{call, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use base64::Engine;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn sendgrid_key() -> (p256::ecdsa::SigningKey, String) {
    use p256::pkcs8::EncodePublicKey;
    let key = p256::ecdsa::SigningKey::from_bytes(&[7u8; 32].into()).unwrap();
    let der = key.verifying_key().to_public_key_der().unwrap();
    (
        key,
        base64::engine::general_purpose::STANDARD.encode(der.as_bytes()),
    )
}

async fn post_sendgrid(
    app: &TestApp,
    source: i64,
    key: &p256::ecdsa::SigningKey,
    body: &str,
    timestamp: i64,
) -> (StatusCode, Value) {
    use p256::ecdsa::{signature::Signer, Signature};
    let mut signed = timestamp.to_string().into_bytes();
    signed.extend_from_slice(body.as_bytes());
    let signature: Signature = key.sign(&signed);
    let signature = base64::engine::general_purpose::STANDARD.encode(signature.to_der().as_bytes());
    let response = app
        .client
        .post(app.url(&format!("/hooks/{source}")))
        .header("X-Twilio-Email-Event-Webhook-Signature", signature)
        .header(
            "X-Twilio-Email-Event-Webhook-Timestamp",
            timestamp.to_string(),
        )
        .header("Content-Type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_signed_sendgrid_batch_lands_once_and_a_bad_or_stale_signature_stores_nothing() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let touch_id = plan_touch(&app, &marketer, contact, "email", "newsletter").await;
    let (key, public) = sendgrid_key();
    let source = connect(&app, &admin, "sendgrid", &public).await;
    let now = chrono::Utc::now().timestamp();
    let batch = json!([
        {"email": "casey@example.org", "timestamp": now, "event": "processed",
         "sg_event_id": "e1", "sg_message_id": "msg1.filter0001", "concord_touch_id": touch_id.to_string()},
        {"email": "casey@example.org", "timestamp": now, "event": "delivered",
         "sg_event_id": "e2", "sg_message_id": "msg1.filter0001"},
        {"email": "casey@example.org", "timestamp": now, "event": "open", "sg_machine_open": false,
         "sg_event_id": "e3", "sg_message_id": "msg1.filter0001"},
        {"email": "casey@example.org", "timestamp": now, "event": "bounce", "type": "bounce",
         "reason": "550 mailbox gone", "sg_event_id": "e4", "sg_message_id": "msg1.filter0001"}
    ])
    .to_string();

    let other = p256::ecdsa::SigningKey::from_bytes(&[9u8; 32].into()).unwrap();
    let forged = post_sendgrid(&app, source, &other, &batch, now).await;
    assert_eq!(forged.0, StatusCode::UNAUTHORIZED, "{}", forged.1);
    let stale = post_sendgrid(&app, source, &key, &batch, now - 3_600).await;
    assert_eq!(stale.0, StatusCode::FORBIDDEN, "{}", stale.1);
    let malformed = post_sendgrid(&app, source, &key, "{\"event\": \"open\"}", now).await;
    assert_eq!(malformed.0, StatusCode::BAD_REQUEST, "{}", malformed.1);
    let unknown = post_sendgrid(&app, 999, &key, &batch, now).await;
    assert_eq!(unknown.0, StatusCode::NOT_FOUND);
    let events_before = app.count("SELECT COUNT(*) FROM hook_events").await;
    assert_eq!(events_before, 0, "nothing stored for the refused requests");

    let (status, report) = post_sendgrid(&app, source, &key, &batch, now).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["recorded"], 4, "{report}");
    let (_, stored) = call(
        &app,
        &marketer,
        Method::GET,
        &format!("/api/v1/contacts/{contact}"),
        None,
    )
    .await;
    assert_eq!(
        stored["consent"]["email"], false,
        "a hard bounce withdraws email consent: {stored}"
    );
    assert_eq!(stored["consent"]["sms"], true, "{stored}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM engagements WHERE kind = 'open'")
            .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM touches WHERE id = {touch_id} AND status = 'sent'"
        ))
        .await,
        1
    );

    let (status, again) = post_sendgrid(&app, source, &key, &batch, now).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (again["recorded"].as_i64(), again["duplicates"].as_i64()),
        (Some(0), Some(4)),
        "{again}"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM engagements").await,
        1,
        "redelivery changes nothing"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'contact.consent_withdrawn'")
            .await,
        1
    );
}
