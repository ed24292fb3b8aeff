//! Aircall's webhooks: no signature, the webhook's token in the body; a call in, answered or
//! missed, is one `call_in` however many events it sends.

use super::connect;
use super::postmark::{rows, LEDGER};
use crate::api_ledger::{call, new_contact};
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const TOKEN: &str = "45XXYYZZa08b7e6f1c2d";

/// An Aircall event about call `id`, `direction`, from or to `digits`.
fn event(name: &str, id: i64, direction: &str, digits: &str, answered: bool) -> Value {
    let now = chrono::Utc::now().timestamp();
    json!({"resource": "call", "event": name, "timestamp": now, "token": TOKEN,
           "data": {"id": id, "direction": direction, "status": "done", "started_at": now - 60,
                    "answered_at": if answered { json!(now - 55) } else { Value::Null },
                    "ended_at": now - 5, "duration": 55,
                    "missed_call_reason": if answered { Value::Null } else { json!("agents_did_not_answer") },
                    "raw_digits": digits}})
}

async fn post_aircall(app: &TestApp, source: i64, body: &str) -> (StatusCode, Value) {
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

async fn calls_in(app: &TestApp, token: &str, contact: i64) -> usize {
    let path = format!("/api/v1/contacts/{contact}/timeline");
    let (status, timeline) = call(app, token, Method::GET, &path, None).await;
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
async fn an_inbound_call_is_one_call_in_and_a_wrong_token_stores_nothing() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let source = connect(&app, &admin, "aircall", TOKEN).await;
    let created = event("call.created", 812, "inbound", "+1 617-555-0100", false);

    let untouched = rows(&app, LEDGER).await;
    let with_token = |token: Value| {
        let mut body = created.clone();
        body["token"] = token;
        body.to_string()
    };
    let mut tokenless = created.clone();
    tokenless.as_object_mut().unwrap().remove("token");
    for body in [
        with_token(json!("45XXYYZZa08b7e6f1c2e")),
        with_token(json!(format!("{TOKEN} "))),
        with_token(json!(45)),
        tokenless.to_string(),
        "not json".to_owned(),
    ] {
        let (status, error) = post_aircall(&app, source, &body).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}: {error}");
    }
    let (status, _) = post_aircall(&app, source + 1, &created.to_string()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let without = |field: &str| {
        let mut body = created.clone();
        if let Some(data) = body["data"].as_object_mut() {
            data.remove(field);
        }
        body.as_object_mut().unwrap().remove(field);
        body.to_string()
    };
    for body in [without("data"), without("id"), without("event")] {
        let (status, error) = post_aircall(&app, source, &body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {error}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM hook_events").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM dead_letters").await, 0);
    assert_eq!(rows(&app, LEDGER).await, untouched);
    assert_eq!(calls_in(&app, &marketer, contact).await, 0);

    let (status, report) = post_aircall(&app, source, &created.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 1, "duplicates": 0, "dead_lettered": 0})
    );
    assert_eq!(calls_in(&app, &marketer, contact).await, 1);
    let before = rows(&app, LEDGER).await;
    // The call's later events, and the first one delivered again: the same call in.
    for (name, answered) in [
        ("call.answered", true),
        ("call.hungup", true),
        ("call.ended", true),
        ("call.created", false),
    ] {
        let again = event(name, 812, "inbound", "+1 617-555-0100", answered);
        let (status, report) = post_aircall(&app, source, &again.to_string()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(
            report,
            json!({"recorded": 0, "duplicates": 1, "dead_lettered": 0}),
            "{name}"
        );
    }
    assert_eq!(
        rows(&app, LEDGER).await,
        before,
        "redelivery changes nothing"
    );

    // A missed call is a call in too.
    let missed = event("call.ended", 813, "inbound", "+16175550100", false);
    let (status, report) = post_aircall(&app, source, &missed.to_string()).await;
    assert_eq!(
        (status, report["recorded"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{report}"
    );
    assert_eq!(calls_in(&app, &marketer, contact).await, 2);
}

#[tokio::test]
async fn a_call_from_an_unknown_number_is_dead_lettered_once_and_an_answered_call_out_is_engagement(
) {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let source = connect(&app, &admin, "aircall", TOKEN).await;

    let stranger = event("call.created", 900, "inbound", "+33 1 76 36 06 95", false).to_string();
    let (status, report) = post_aircall(&app, source, &stranger).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report,
        json!({"recorded": 0, "duplicates": 0, "dead_lettered": 1})
    );
    let (status, again) = post_aircall(&app, source, &stranger).await;
    assert_eq!(
        (status, again["duplicates"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{again}"
    );
    let (_, letters) = call(&app, &admin, Method::GET, "/api/v1/dead-letters", None).await;
    assert_eq!(letters.as_array().unwrap().len(), 1, "{letters}");
    assert_eq!(letters[0]["event_id"], "call:900:inbound", "{letters}");
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
            .contains("+33 1 76 36 06 95"),
        "the body is kept: {letters}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM interactions").await, 0);

    let answered = event("call.ended", 901, "outbound", "+1 617 555 0100", true).to_string();
    let (status, report) = post_aircall(&app, source, &answered).await;
    assert_eq!(
        (status, report["recorded"].as_i64()),
        (StatusCode::OK, Some(1)),
        "{report}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM engagements WHERE contact_id = {contact} AND kind = 'answered'"
        ))
        .await,
        1
    );
    assert_eq!(
        calls_in(&app, &marketer, contact).await,
        0,
        "a call out is no call in"
    );
}

/// A call dialled by hand to a known contact names no touch: it is kept in the hook events,
/// not dead-lettered as if no contact had the number (no replay could ever place it).
#[tokio::test]
async fn a_call_out_concord_did_not_plan_is_recorded_for_its_contact_not_dead_lettered() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let marketer = app.token_for("mia@example.com", Role::Marketer).await;
    let contact = new_contact(&app, &marketer, "lead").await;
    let source = connect(&app, &admin, "aircall", TOKEN).await;
    for name in ["call.created", "call.answered"] {
        let body = event(name, 950, "outbound", "+1 617 555 0100", true).to_string();
        let (status, report) = post_aircall(&app, source, &body).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(
            report,
            json!({"recorded": 1, "duplicates": 0, "dead_lettered": 0}),
            "{name}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM dead_letters").await, 0);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM hook_events WHERE contact_id = {contact} AND touch_id IS NULL"
        ))
        .await,
        2
    );
}
