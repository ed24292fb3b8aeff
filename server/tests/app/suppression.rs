//! Suppression lists through the API: an admin imports a dated list (bad lines reported by
//! number), numbers on it are blocked for its channels by `consent` — for contacts stored
//! before and after — a registry extract older than 31 days carries a warning, and removing the
//! list unblocks them.

use crate::api_ledger::{call, conflict_messages};
use crate::helpers::spawn_app;
use app::domain::role::Role;
use chrono::{Days, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn upload(
    app: &crate::helpers::TestApp,
    token: &str,
    query: &str,
    body: &str,
) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url(&format!("/api/v1/suppression-lists?{query}")))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn numbers_on_a_list_in_force_are_blocked_until_it_is_removed() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let rep = app.token_for("rex@example.com", Role::Rep).await;
    let contact = |name: &str, phone: &str| {
        json!({"name": name, "phone": phone, "email": format!("{}@example.com", name.to_lowercase()),
               "timezone": "America/New_York", "stage": "lead",
               "consent": {"email": true, "sms": true, "phone": true, "mail": true}})
    };
    let (_, before) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/contacts",
        Some(contact("Before", "+1 (617) 555-0101")),
    )
    .await;
    let before = before["id"].as_i64().unwrap();
    let ask = |id: i64, channel: &str| json!({"contact_id": id, "channel": channel, "purpose": "service", "at": "2030-06-04T15:00:00Z"});

    let today = Utc::now().date_naive();
    let fresh = today.checked_sub_days(Days::new(3)).unwrap();
    let query = format!("name=US%20DNC&kind=registry&channels=phone,sms&list_date={fresh}");
    let (status, _) = upload(&app, &rep, &query, "6175550101\n").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, refused) = upload(&app, &admin, &query, "phone\nnot a number\n").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (status, refused) = upload(
        &app,
        &admin,
        "name=x&kind=registry&channels=mail&list_date=2026-01-01",
        "1\n",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");

    let (status, done) = upload(
        &app,
        &admin,
        &query,
        "phone\n6175550101\n617-555-0199\nnot a number\n",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{done}");
    assert_eq!(done["entries"], 2);
    assert_eq!(done["contacts_blocked"], 1);
    assert_eq!(done["rejected_count"], 1);
    assert_eq!(done["rejected"][0]["line"], 4);
    let list = done["id"].as_i64().unwrap();

    let (_, call_gate) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/check",
        Some(ask(before, "phone")),
    )
    .await;
    assert_eq!(
        conflict_messages(&call_gate, "consent"),
        ["The contact's number is on a do-not-call or suppression list"]
    );
    let (_, email_gate) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/check",
        Some(ask(before, "email")),
    )
    .await;
    assert!(
        conflict_messages(&email_gate, "consent").is_empty(),
        "email is not on the list: {email_gate}"
    );

    // A contact stored after the list is blocked too.
    let (_, after) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/contacts",
        Some(contact("After", "+16175550199")),
    )
    .await;
    let after = after["id"].as_i64().unwrap();
    let (_, gate) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/check",
        Some(ask(after, "sms")),
    )
    .await;
    assert_eq!(conflict_messages(&gate, "consent").len(), 1, "{gate}");

    let (_, lists) = call(&app, &rep, Method::GET, "/api/v1/suppression-lists", None).await;
    assert_eq!(lists[0]["warning"], Value::Null);
    let stale = today.checked_sub_days(Days::new(40)).unwrap();
    let old = format!("name=Old%20extract&kind=registry&channels=phone&list_date={stale}");
    let (status, _) = upload(&app, &admin, &old, "+44 20 7946 0000\n").await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, lists) = call(&app, &rep, Method::GET, "/api/v1/suppression-lists", None).await;
    let old = lists
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == "Old extract")
        .unwrap();
    assert!(
        old["warning"].as_str().unwrap().contains("40 days old"),
        "{old}"
    );

    let path = format!("/api/v1/suppression-lists/{list}");
    let (status, _) = call(&app, &rep, Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&app, &admin, Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = call(&app, &admin, Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, gate) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/check",
        Some(ask(before, "phone")),
    )
    .await;
    assert!(conflict_messages(&gate, "consent").is_empty(), "{gate}");
}
