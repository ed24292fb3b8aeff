//! Editing single pack rules through the API: a stricter cap is enforced at once, a weaker one
//! or a rule switched off is saved with a warning and the law's value beside it, back to the
//! law restores it; bad edits and non-admins are refused.

use crate::api_ledger::{call, conflict_rules};
use crate::helpers::spawn_app;
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn florida_cap(pack: &Value) -> Value {
    pack["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "us-fl-cap")
        .unwrap()
        .clone()
}

#[tokio::test]
async fn a_pack_rule_is_edited_with_the_law_beside_it() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let rep = app.token_for("rex@example.com", Role::Rep).await;
    let (status, _) = call(
        &app,
        &admin,
        Method::PATCH,
        "/api/v1/rule-packs/us",
        Some(json!({"enabled": true})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let path = "/api/v1/rule-packs/us/rules/us-fl-cap";

    let (status, _) = call(&app, &rep, Method::PATCH, path, Some(json!({"limit": 1}))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&app, &admin, Method::PATCH, path, Some(json!({"days": 3}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = call(
        &app,
        &admin,
        Method::PATCH,
        "/api/v1/rule-packs/us/rules/no-such",
        Some(json!({"limit": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = call(
        &app,
        &admin,
        Method::PATCH,
        "/api/v1/rule-packs/fr/rules/us-fl-cap",
        Some(json!({"limit": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Stricter: one sales call a day in Florida; enforced at once, no warning.
    let (status, pack) = call(&app, &admin, Method::PATCH, path, Some(json!({"limit": 1}))).await;
    assert_eq!(status, StatusCode::OK, "{pack}");
    let cap = florida_cap(&pack);
    assert_eq!(cap["edited"], true);
    assert_eq!(cap["warning"], Value::Null);
    assert!(
        cap["allows"].as_str().unwrap().contains("At most 1"),
        "{cap}"
    );
    assert!(
        cap["law_allows"].as_str().unwrap().contains("At most 3"),
        "{cap}"
    );

    let body = json!({"name": "Flo Miami", "phone": "+1 305 555 0100", "address": "1 Ocean Dr\nMiami, FL 33139",
                      "timezone": "America/New_York", "stage": "lead",
                      "consent": {"email": true, "sms": true, "phone": true, "mail": true}});
    let (_, contact) = call(&app, &rep, Method::POST, "/api/v1/contacts", Some(body)).await;
    let id = contact["id"].as_i64().unwrap();
    let first = json!({"contact_id": id, "channel": "phone", "purpose": "sales_followup",
                       "scheduled_at": "2030-06-04T14:00:00Z", "title": "First call"});
    let (status, planned) = call(&app, &rep, Method::POST, "/api/v1/touches", Some(first)).await;
    assert_eq!(status, StatusCode::CREATED, "{planned}");
    let second = json!({"contact_id": id, "channel": "phone", "purpose": "sales_followup",
                        "at": "2030-06-04T19:00:00Z"});
    let (_, gate) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/check",
        Some(second.clone()),
    )
    .await;
    assert!(
        conflict_rules(&gate).contains(&"legal_call_cap".to_owned()),
        "{gate}"
    );

    // Weaker: saved, with a warning; switched off: the same.
    let (_, pack) = call(&app, &admin, Method::PATCH, path, Some(json!({"limit": 5}))).await;
    assert!(florida_cap(&pack)["warning"]
        .as_str()
        .unwrap()
        .contains("Weaker than the law"));
    let (_, pack) = call(
        &app,
        &admin,
        Method::PATCH,
        path,
        Some(json!({"enabled": false})),
    )
    .await;
    let cap = florida_cap(&pack);
    assert_eq!(cap["enabled"], false);
    assert!(cap["warning"].is_string(), "{cap}");

    // Back to the law: 3 a day, so the second call is allowed by the cap.
    let (status, pack) = call(&app, &admin, Method::DELETE, path, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(florida_cap(&pack)["edited"], false);
    let (_, gate) = call(&app, &rep, Method::POST, "/api/v1/check", Some(second)).await;
    assert!(
        !conflict_rules(&gate).contains(&"legal_call_cap".to_owned()),
        "{gate}"
    );
}
