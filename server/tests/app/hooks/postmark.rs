//! Postmark's webhooks, one JSON object per post, believed by the basic-auth pair in the URL.

use super::{connect, plan_touch};
use crate::api_ledger::{call, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const PAIR: (&str, &str) = ("postmark-hook", "a long hook password");

/// Posts `body` to the source's hook with basic auth `pair` (none when `None`).
async fn post_postmark(
    app: &TestApp,
    source: i64,
    pair: Option<(&str, &str)>,
    body: &str,
) -> (StatusCode, Value) {
    let mut request = app
        .client
        .post(app.url(&format!("/hooks/{source}")))
        .header("Content-Type", "application/json")
        .body(body.to_owned());
    if let Some((user, password)) = pair {
        request = request.basic_auth(user, Some(password));
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Whether the send gate blocks an email newsletter to `contact` for want of consent.
pub(super) async fn email_blocked_by_consent(app: &TestApp, token: &str, contact: i64) -> bool {
    let check = json!({"contact_id": contact, "channel": "email", "purpose": "newsletter",
                       "at": "2031-06-05T15:00:00Z"});
    let (status, decided) = call(app, token, Method::POST, "/api/v1/check", Some(check)).await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    let consent = decided["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["rule"] == "consent");
    if consent {
        assert_eq!(decided["decision"], "block", "{decided}");
    }
    consent
}

/// The number of rows in each of `tables`.
pub(super) async fn rows(app: &TestApp, tables: &[&str]) -> Vec<(String, i64)> {
    let mut counts = Vec::new();
    for table in tables {
        let n = app.count(&format!("SELECT COUNT(*) FROM {table}")).await;
        counts.push((table.to_string(), n));
    }
    counts
}

/// The tables an event writes to.
pub(super) const LEDGER: &[&str] = &[
    "hook_events",
    "dead_letters",
    "touch_events",
    "interactions",
    "engagements",
    "audit_log",
];

fn hard_bounce(id: i64, email: &str, touch: i64) -> String {
    json!({"RecordType": "Bounce", "ID": id, "Type": "HardBounce", "TypeCode": 1,
           "Name": "Hard bounce", "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
           "Metadata": {"concord_touch_id": touch.to_string()}, "MessageStream": "outbound",
           "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
           "Email": email, "From": "news@ourco.example", "BouncedAt": "2031-03-04T15:00:07Z"})
    .to_string()
}

#[tokio::test]
async fn a_hard_bounce_behind_basic_auth_withdraws_email_consent_once_and_fails_its_touch() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let touch_id = plan_touch(&app, &marketer, contact, "email", "newsletter").await;
    let source = connect(&app, &admin, "postmark", &format!("{}:{}", PAIR.0, PAIR.1)).await;
    assert!(!email_blocked_by_consent(&app, &marketer, contact).await);
    // Postmark writes the address as the recipient gave it: found in any case.
    let bounce = hard_bounce(4_323_372_036_854_775_807, "Casey@Example.ORG", touch_id);

    let untouched = rows(&app, LEDGER).await;
    let refused = [
        (Some((PAIR.0, "not the password")), StatusCode::UNAUTHORIZED),
        (Some(("someone-else", PAIR.1)), StatusCode::UNAUTHORIZED),
        (None, StatusCode::UNAUTHORIZED),
    ];
    for (pair, expected) in refused {
        let (status, error) = post_postmark(&app, source, pair, &bounce).await;
        assert_eq!(status, expected, "{pair:?}: {error}");
    }
    let (status, _) = post_postmark(&app, source + 1, Some(PAIR), &bounce).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for malformed in [
        "[]",
        "not json",
        r#"{"RecordType": "Bounce", "Type": "HardBounce", "Email": "casey@example.org"}"#,
        r#"{"RecordType": "Teleport"}"#,
    ] {
        let (status, error) = post_postmark(&app, source, Some(PAIR), malformed).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{malformed}: {error}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM hook_events").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM dead_letters").await, 0);
    assert_eq!(rows(&app, LEDGER).await, untouched);
    assert!(
        !email_blocked_by_consent(&app, &marketer, contact).await,
        "nothing refused changed the contact"
    );

    let (status, report) = post_postmark(&app, source, Some(PAIR), &bounce).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 1, "duplicates": 0, "dead_lettered": 0})
    );
    assert!(email_blocked_by_consent(&app, &marketer, contact).await);
    let (_, stored) = call(
        &app,
        &marketer,
        Method::GET,
        &format!("/api/v1/contacts/{contact}"),
        None,
    )
    .await;
    assert_eq!(stored["consent"]["email"], false, "{stored}");
    assert_eq!(
        stored["consent"]["sms"], true,
        "only the email channel: {stored}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM touches WHERE id = {touch_id} AND status = 'failed'"
        ))
        .await,
        1,
        "the touch named in the metadata failed"
    );
    let before = rows(&app, LEDGER).await;

    let (status, again) = post_postmark(&app, source, Some(PAIR), &bounce).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(
        again,
        json!({"recorded": 0, "duplicates": 1, "dead_lettered": 0})
    );
    assert_eq!(
        rows(&app, LEDGER).await,
        before,
        "a redelivery changes nothing"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'contact.consent_withdrawn'")
            .await,
        1
    );
}

#[tokio::test]
async fn an_auto_responder_is_no_reply_and_a_bounce_for_an_unknown_address_is_dead_lettered() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let source = connect(&app, &admin, "postmark", &format!("{}:{}", PAIR.0, PAIR.1)).await;
    let replies = "SELECT COUNT(*) FROM interactions WHERE kind = 'reply' AND channel = 'email'";

    let out_of_office = json!({"RecordType": "Bounce", "ID": 17, "Type": "AutoResponder",
        "TypeCode": 64, "Email": "casey@example.org", "BouncedAt": "2031-03-04T15:00:07Z"});
    let (status, report) =
        post_postmark(&app, source, Some(PAIR), &out_of_office.to_string()).await;
    assert_eq!(
        (status, report["recorded"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{report}"
    );
    assert_eq!(
        app.count(replies).await,
        0,
        "an out-of-office is not a reply"
    );
    assert!(!email_blocked_by_consent(&app, &marketer, contact).await);
    // The same contact writing back is one (so the count above could have moved).
    let inbound = json!({"From": "casey@example.org",
        "FromFull": {"Email": "casey@example.org", "Name": "Casey Contact"},
        "Subject": "Re: Spring news", "MessageID": "73e6d360-66eb-11e1-8e72-a8904824019b",
        "Date": "Tue, 4 Mar 2031 16:45:32 -05:00", "TextBody": "Sounds good.",
        "StrippedTextReply": "Sounds good."});
    let (status, report) = post_postmark(&app, source, Some(PAIR), &inbound.to_string()).await;
    assert_eq!(
        (status, report["recorded"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{report}"
    );
    assert_eq!(app.count(replies).await, 1);

    let stranger = hard_bounce(18, "nobody@example.net", 0);
    let (status, report) = post_postmark(&app, source, Some(PAIR), &stranger).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 0, "duplicates": 0, "dead_lettered": 1})
    );
    let (_, letters) = call(&app, &admin, Method::GET, "/api/v1/dead-letters", None).await;
    assert_eq!(letters.as_array().unwrap().len(), 1, "{letters}");
    assert_eq!(letters[0]["event_id"], "bounce:18", "{letters}");
    assert!(
        letters[0]["reason"]
            .as_str()
            .unwrap()
            .contains("no contact"),
        "{letters}"
    );
    assert!(
        letters[0]["payload"]
            .as_str()
            .unwrap()
            .contains("nobody@example.net"),
        "the body is kept: {letters}"
    );
    let (status, again) = post_postmark(&app, source, Some(PAIR), &stranger).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(
        again,
        json!({"recorded": 0, "duplicates": 1, "dead_lettered": 0})
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM dead_letters").await, 1);
    assert!(!email_blocked_by_consent(&app, &marketer, contact).await);
}
