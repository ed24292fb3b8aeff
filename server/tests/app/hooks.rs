//! Senders' webhooks through the real endpoint: each request verified by its provider's scheme
//! (signed here with keys the test makes), mapped onto the ledger once, refused and stored
//! nowhere when it does not verify; what cannot be mapped is dead-lettered and replayed.

use crate::api_ledger::{call, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use base64::Engine;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn connect(app: &TestApp, admin: &str, kind: &str, secret: &str) -> i64 {
    let body = json!({"kind": kind, "label": format!("Our {kind}"), "secret": secret});
    let (status, source) = call(app, admin, Method::POST, "/api/v1/sources", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{source}");
    assert!(
        source["instructions"].as_str().unwrap().contains("/hooks/"),
        "{source}"
    );
    source["id"].as_i64().unwrap()
}

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
    let touch = json!({"contact_id": contact, "channel": "email", "purpose": "newsletter",
                       "scheduled_at": "2031-03-04T15:00:00Z", "title": "Spring news"});
    let (status, planned) = call(
        &app,
        &marketer,
        Method::POST,
        "/api/v1/touches",
        Some(touch),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{planned}");
    let touch_id = planned["touch"]["id"].as_i64().unwrap();
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

#[tokio::test]
async fn two_workers_never_lease_the_same_touch_and_a_lapsed_lease_returns_it() {
    let app = spawn_app().await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let worker = app.token_for("sender@example.com", Role::Admin).await;
    let mut ids = Vec::new();
    for n in 0..6 {
        let body = json!({"name": format!("Due {n}"), "email": format!("due{n}@example.org"),
                          "timezone": "UTC", "stage": "customer",
                          "consent": {"email": true, "sms": true, "phone": true, "mail": true}});
        let (status, contact) = call(
            &app,
            &marketer,
            Method::POST,
            "/api/v1/contacts",
            Some(body),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{contact}");
        ids.push(contact["id"].as_i64().unwrap());
    }
    // Due touches: planned, then their time set to have come.
    for contact in &ids {
        let touch = json!({"contact_id": contact, "channel": "email", "purpose": "service",
                           "scheduled_at": "2031-03-04T15:00:00Z", "title": "Receipt"});
        let (status, planned) = call(
            &app,
            &marketer,
            Method::POST,
            "/api/v1/touches",
            Some(touch),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{planned}");
    }
    let pool = app::store::open(&app.db).await.unwrap();
    let past = chrono::Utc::now().timestamp() - 600;
    app::store::db::query("UPDATE touches SET scheduled_at = ?")
        .bind(past)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    let ask = json!({"channel": "email", "limit": 4, "lease_seconds": 10});
    let (a, b) = tokio::join!(
        call(
            &app,
            &worker,
            Method::POST,
            "/api/v1/touches/lease",
            Some(ask.clone())
        ),
        call(
            &app,
            &worker,
            Method::POST,
            "/api/v1/touches/lease",
            Some(ask.clone())
        ),
    );
    assert_eq!(
        (a.0, b.0),
        (StatusCode::OK, StatusCode::OK),
        "{} {}",
        a.1,
        b.1
    );
    let taken = |v: &Value| -> Vec<i64> {
        v["touches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_i64().unwrap())
            .collect()
    };
    let (first, second) = (taken(&a.1), taken(&b.1));
    assert_eq!(first.len() + second.len(), 6, "{first:?} {second:?}");
    assert!(
        first.iter().all(|id| !second.contains(id)),
        "{first:?} {second:?}"
    );

    let (_, none) = call(
        &app,
        &worker,
        Method::POST,
        "/api/v1/touches/lease",
        Some(ask.clone()),
    )
    .await;
    assert_eq!(taken(&none).len(), 0, "all leased: {none}");
    let pool = app::store::open(&app.db).await.unwrap();
    app::store::db::query("UPDATE touches SET leased_until = ?")
        .bind(past)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let (_, back) = call(
        &app,
        &worker,
        Method::POST,
        "/api/v1/touches/lease",
        Some(ask),
    )
    .await;
    assert_eq!(
        taken(&back).len(),
        4,
        "lapsed leases return to the pool: {back}"
    );
}
