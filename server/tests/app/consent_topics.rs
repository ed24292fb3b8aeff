//! Consent by topic through the API: admins define topics; a contact's consent per topic is
//! set with evidence, a withdrawal blocks touches on that topic at once, re-opting in needs
//! evidence and a manager, unknown topics are refused, and the timeline carries the history.

use crate::api_ledger::{call, conflict_messages};
use crate::helpers::spawn_app;
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_topic_withdrawn_blocks_its_touches_and_coming_back_needs_evidence() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let manager = app.token_for("mia@example.com", Role::Manager).await;
    let rep = app.token_for("rex@example.com", Role::Rep).await;

    let topic = json!({"id": "newsletter", "name": "Monthly newsletter"});
    let (status, _) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/topics",
        Some(topic.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, made) = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/topics",
        Some(topic.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let (status, _) = call(&app, &admin, Method::POST, "/api/v1/topics", Some(topic)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let bad = json!({"id": "Not a slug!", "name": "x"});
    let (status, _) = call(&app, &admin, Method::POST, "/api/v1/topics", Some(bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let two_lines = json!({"id": "offers", "name": "Monthly\noffers"});
    let (status, said) = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/topics",
        Some(two_lines),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{said}");
    let (_, list) = call(&app, &rep, Method::GET, "/api/v1/topics", None).await;
    assert_eq!(
        list,
        json!([{"id": "newsletter", "name": "Monthly newsletter"}])
    );

    let unknown = json!({"name": "Uma", "email": "uma@example.com", "timezone": "America/New_York",
                         "stage": "lead", "consent_topics": {"promotions": "opted_in"}});
    let (status, refused) = call(&app, &rep, Method::POST, "/api/v1/contacts", Some(unknown)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let body = json!({"name": "Olga Topic", "email": "olga@example.com", "timezone": "America/New_York",
                      "stage": "lead", "consent_topics": {"newsletter": "opted_in"},
                      "consent_evidence": {"wording": "signup-form v3"}});
    let (status, contact) = call(&app, &rep, Method::POST, "/api/v1/contacts", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{contact}");
    assert_eq!(contact["consent_topics"], json!({"newsletter": "opted_in"}));
    let id = contact["id"].as_i64().unwrap();

    let ask = json!({"contact_id": id, "channel": "email", "purpose": "newsletter",
                     "at": "2030-06-04T15:00:00Z", "topic": "newsletter"});
    let (_, allowed) = call(&app, &rep, Method::POST, "/api/v1/check", Some(ask.clone())).await;
    assert!(
        conflict_messages(&allowed, "consent").is_empty(),
        "{allowed}"
    );
    let (status, _) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/check",
        Some(
            json!({"contact_id": id, "channel": "email", "purpose": "newsletter", "topic": "nope"}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // A rep records the withdrawal: it needs no evidence and takes effect at once.
    let out = json!({"version": 1, "consent_topics": {"newsletter": "opted_out"}});
    let (status, after) = call(
        &app,
        &rep,
        Method::PATCH,
        &format!("/api/v1/contacts/{id}"),
        Some(out),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{after}");
    let (_, blocked) = call(&app, &rep, Method::POST, "/api/v1/check", Some(ask.clone())).await;
    assert_eq!(blocked["decision"], "block", "{blocked}");
    assert_eq!(
        conflict_messages(&blocked, "consent"),
        ["The contact opted out of newsletter"]
    );
    let (_, other) = call(&app, &rep, Method::POST, "/api/v1/check",
        Some(json!({"contact_id": id, "channel": "email", "purpose": "newsletter", "at": "2030-06-04T15:00:00Z"}))).await;
    assert!(
        conflict_messages(&other, "consent").is_empty(),
        "a touch on no topic is not stopped: {other}"
    );
    let touch = json!({"contact_id": id, "channel": "email", "purpose": "newsletter",
                       "scheduled_at": "2030-06-04T15:00:00Z", "title": "June issue", "topic": "newsletter"});
    let (status, planned) = call(&app, &rep, Method::POST, "/api/v1/touches", Some(touch)).await;
    assert_eq!(status, StatusCode::CREATED, "{planned}");
    assert_eq!(planned["touch"]["status"], "pending_review");

    // Coming back: not by a rep, not without evidence.
    let back = json!({"version": 2, "consent_topics": {"newsletter": "opted_in"},
                      "consent_evidence": {"wording": "preference centre v2"}});
    let (status, _) = call(
        &app,
        &rep,
        Method::PATCH,
        &format!("/api/v1/contacts/{id}"),
        Some(back.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let bare = json!({"version": 2, "consent_topics": {"newsletter": "opted_in"}});
    let (status, refused) = call(
        &app,
        &manager,
        Method::PATCH,
        &format!("/api/v1/contacts/{id}"),
        Some(bare),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (status, back) = call(
        &app,
        &manager,
        Method::PATCH,
        &format!("/api/v1/contacts/{id}"),
        Some(back),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{back}");
    let (_, allowed) = call(&app, &rep, Method::POST, "/api/v1/check", Some(ask)).await;
    assert!(
        conflict_messages(&allowed, "consent").is_empty(),
        "{allowed}"
    );

    let (_, timeline) = call(
        &app,
        &rep,
        Method::GET,
        &format!("/api/v1/contacts/{id}/timeline"),
        None,
    )
    .await;
    let history = timeline["consent_history"].as_array().unwrap();
    let states: Vec<&str> = history
        .iter()
        .map(|h| h["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["opted_in", "opted_out", "opted_in"], "{timeline}");
    assert_eq!(history[0]["wording"], "preference centre v2");
    assert_eq!(history[0]["method"], "api");
    assert_eq!(history[2]["wording"], "signup-form v3");
    assert!(history[1]["recorded_by"].is_string());
}
