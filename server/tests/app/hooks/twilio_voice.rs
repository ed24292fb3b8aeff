//! Twilio Voice's signed call status callbacks: a call in (answered or missed) is one `call_in`;
//! an outbound call's callbacks carry their touch on the signed URL.

use super::postmark::{rows, LEDGER};
use super::{connect, plan_touch};
use crate::api_ledger::{call, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const TOKEN: &str = "twilio-voice-auth-token";

/// Posts the form to `path`, signed with `token` for the URL `signed_path` names.
async fn post_voice(
    app: &TestApp,
    path: &str,
    signed_path: &str,
    token: Option<&str>,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    let body: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let mut request = app
        .client
        .post(app.url(path))
        .header("Content-Type", "application/x-www-form-urlencoded");
    if let Some(token) = token {
        let signature =
            server::hooks::verify::twilio_signature(token, &app.url(signed_path), body.as_bytes());
        request = request.header("X-Twilio-Signature", signature);
    }
    let response = request.body(body).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// A status callback of an inbound call from `from`, sent at `at` (RFC 2822).
fn inbound<'a>(
    sid: &'a str,
    status: &'a str,
    from: &'a str,
    at: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("CallSid", sid),
        ("CallStatus", status),
        ("Direction", "inbound"),
        ("From", from),
        ("To", "+16175550199"),
        ("Timestamp", at),
    ]
}

async fn calls_in(app: &TestApp, token: &str, contact: i64) -> usize {
    let (status, timeline) = call(
        app,
        token,
        Method::GET,
        &format!("/api/v1/contacts/{contact}/timeline"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{timeline}");
    let interactions = timeline["interactions"].as_array().unwrap();
    assert!(
        interactions
            .iter()
            .all(|i| i["kind"] == "call_in" && i["channel"] == "phone"),
        "{timeline}"
    );
    interactions.len()
}

#[tokio::test]
async fn an_inbound_call_answered_or_missed_is_one_call_in_and_a_bad_signature_stores_nothing() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let source = connect(&app, &admin, "twilio_voice", TOKEN).await;
    let hook = format!("/hooks/{source}");
    let now = chrono::Utc::now();
    let (rang, hung_up) = (
        (now - chrono::TimeDelta::seconds(40)).to_rfc2822(),
        now.to_rfc2822(),
    );
    // The contact's number as Twilio writes it (E.164); Concord keeps it as typed.
    let ringing = inbound("CA100", "ringing", "+16175550100", &rang);

    let untouched = rows(&app, LEDGER).await;
    let elsewhere = format!("{hook}?concord_touch_id=1");
    for (path, signed_path, token) in [
        (hook.as_str(), hook.as_str(), Some("not-the-auth-token")),
        (hook.as_str(), hook.as_str(), None),
        // The URL is signed: the same body signed for another URL does not verify.
        (hook.as_str(), elsewhere.as_str(), Some(TOKEN)),
    ] {
        let (status, error) = post_voice(&app, path, signed_path, token, &ringing).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{signed_path} {token:?}: {error}"
        );
    }
    let unknown = format!("/hooks/{}", source + 1);
    let (status, _) = post_voice(&app, &unknown, &unknown, Some(TOKEN), &ringing).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let no_sid = [
        ("CallStatus", "ringing"),
        ("Direction", "inbound"),
        ("From", "+16175550100"),
    ];
    let strange = [
        ("CallSid", "CA9"),
        ("CallStatus", "teleported"),
        ("Direction", "outbound-api"),
    ];
    for form in [&no_sid[..], &strange[..]] {
        let (status, error) = post_voice(&app, &hook, &hook, Some(TOKEN), form).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{form:?}: {error}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM hook_events").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM dead_letters").await, 0);
    assert_eq!(rows(&app, LEDGER).await, untouched);
    assert_eq!(calls_in(&app, &marketer, contact).await, 0);

    let (status, report) = post_voice(&app, &hook, &hook, Some(TOKEN), &ringing).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 1, "duplicates": 0, "dead_lettered": 0})
    );
    assert_eq!(calls_in(&app, &marketer, contact).await, 1);
    // The same call's later callback (answered, then hung up) is the same call in.
    let completed = inbound("CA100", "completed", "+16175550100", &hung_up);
    let before = rows(&app, LEDGER).await;
    for form in [&completed, &ringing] {
        let (status, again) = post_voice(&app, &hook, &hook, Some(TOKEN), form).await;
        assert_eq!(status, StatusCode::OK, "{again}");
        assert_eq!(
            again,
            json!({"recorded": 0, "duplicates": 1, "dead_lettered": 0})
        );
    }
    assert_eq!(
        rows(&app, LEDGER).await,
        before,
        "redelivery changes nothing"
    );

    // A missed call (no answer) is a call in too, with its own interaction.
    let missed = inbound("CA101", "no-answer", "+16175550100", &hung_up);
    let (status, report) = post_voice(&app, &hook, &hook, Some(TOKEN), &missed).await;
    assert_eq!(
        (status, report["recorded"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{report}"
    );
    assert_eq!(calls_in(&app, &marketer, contact).await, 2);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM contacts WHERE id = {contact} AND first_inbound_at IS NOT NULL"
        ))
        .await,
        1,
        "a call in counts as the contact's inbound"
    );
}

#[tokio::test]
async fn an_outbound_call_finds_its_touch_by_the_signed_url_and_an_unknown_caller_waits_in_the_dead_letters(
) {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "customer").await;
    let touch_id = plan_touch(&app, &marketer, contact, "phone", "service").await;
    let source = connect(&app, &admin, "twilio_voice", TOKEN).await;
    let callback = format!("/hooks/{source}?concord_touch_id={touch_id}");
    let status_of = |status: &'static str| {
        vec![
            ("CallSid", "CA200"),
            ("CallStatus", status),
            ("Direction", "outbound-api"),
            ("From", "+16175550199"),
            ("To", "+16175550100"),
            ("CallDuration", "42"),
        ]
    };

    // Another touch's id put on a URL signed for this one does not verify.
    let forged = format!("/hooks/{source}?concord_touch_id={}", touch_id + 1);
    let (status, _) = post_voice(
        &app,
        &forged,
        &callback,
        Some(TOKEN),
        &status_of("initiated"),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for call_status in ["initiated", "completed"] {
        let form = status_of(call_status);
        let (status, report) = post_voice(&app, &callback, &callback, Some(TOKEN), &form).await;
        assert_eq!(
            (status, report["recorded"].as_i64()),
            (StatusCode::OK, Some(1)),
            "{call_status}: {report}"
        );
    }
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM touches WHERE id = {touch_id} AND status = 'sent'"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM engagements WHERE touch_id = {touch_id} AND kind = 'answered' AND channel = 'phone'"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM interactions").await,
        0,
        "a call out is no call in"
    );

    let hook = format!("/hooks/{source}");
    let stranger = inbound(
        "CA300",
        "completed",
        "+14155550123",
        "Tue, 04 Mar 2031 15:00:00 +0000",
    );
    let (status, report) = post_voice(&app, &hook, &hook, Some(TOKEN), &stranger).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 0, "duplicates": 0, "dead_lettered": 1})
    );
    let (status, again) = post_voice(&app, &hook, &hook, Some(TOKEN), &stranger).await;
    assert_eq!(
        (status, again["duplicates"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{again}"
    );
    let (_, letters) = call(&app, &admin, Method::GET, "/api/v1/dead-letters", None).await;
    assert_eq!(letters.as_array().unwrap().len(), 1, "{letters}");
    assert_eq!(letters[0]["event_id"], "CA300:inbound", "{letters}");
    assert!(
        letters[0]["reason"]
            .as_str()
            .unwrap()
            .contains("no contact"),
        "{letters}"
    );

    // Once the caller is a contact, the replay records the call in.
    let body = json!({"name": "Robin Caller", "phone": "415-555-0123",
                      "timezone": "America/Los_Angeles", "stage": "lead"});
    let (status, robin) = call(
        &app,
        &marketer,
        Method::POST,
        "/api/v1/contacts",
        Some(body),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{robin}");
    let id = letters[0]["id"].as_i64().unwrap();
    let replay = format!("/api/v1/dead-letters/{id}/replay");
    let (status, _) = call(&app, &admin, Method::POST, &replay, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM interactions WHERE contact_id = {} AND kind = 'call_in'",
            robin["id"]
        ))
        .await,
        1
    );
}
