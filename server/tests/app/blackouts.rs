//! Company blackout dates through the API: an admin closes a day (to every channel and team, or
//! to some), the send gate refuses touches that day under `holiday`, anyone reads the list, and
//! opening the day again lets them through. Bad days and non-admins are refused, storing nothing.

use crate::api_ledger::{call, conflict_rules};
use crate::helpers::spawn_app;
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn a_blackout_date_closes_the_day_for_what_it_names_until_it_is_removed() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let rep = app.token_for("rex@example.com", Role::Rep).await;
    let body = json!({"name": "Nell Oakland", "email": "nell@example.com", "phone": "+1 510 555 0100",
                      "timezone": "America/Los_Angeles", "stage": "lead"});
    let (status, contact) = call(&app, &rep, Method::POST, "/api/v1/contacts", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{contact}");
    let id = contact["id"].as_i64().unwrap();
    // 3 June 2030, 11:00 in Oakland.
    let ask = |channel: &str| {
        json!({"contact_id": id, "channel": channel, "purpose": "promotional",
               "at": "2030-06-03T18:00:00Z"})
    };
    let (_, before) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/check",
        Some(ask("email")),
    )
    .await;
    assert!(
        !conflict_rules(&before).contains(&"holiday".to_owned()),
        "{before}"
    );

    let freeze = json!({"date": "2030-06-03", "name": "Crisis freeze", "channels": ["email"]});
    let (status, refused) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/blackouts",
        Some(freeze.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    let past = json!({"date": "2020-06-03", "name": "Too late"});
    let (status, refused) = call(&app, &admin, Method::POST, "/api/v1/blackouts", Some(past)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let unnamed = json!({"date": "2030-06-03", "name": "  "});
    let (status, _) = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/blackouts",
        Some(unnamed),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let no_team = json!({"date": "2030-06-03", "name": "Freeze", "teams": [999]});
    let (status, refused) = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/blackouts",
        Some(no_team),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (_, list) = call(&app, &rep, Method::GET, "/api/v1/blackouts", None).await;
    assert_eq!(list, json!([]), "refusals store nothing");

    let (status, made) = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/blackouts",
        Some(freeze),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let (status, list) = call(&app, &rep, Method::GET, "/api/v1/blackouts", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list[0]["name"], "Crisis freeze");

    let (_, email) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/check",
        Some(ask("email")),
    )
    .await;
    assert_eq!(email["decision"], "block", "{email}");
    assert!(
        conflict_rules(&email).contains(&"holiday".to_owned()),
        "{email}"
    );
    let message = email["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "holiday")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.contains("Crisis freeze"), "{message}");
    assert!(
        email["next_allowed_at"].as_str().unwrap() >= "2030-06-04",
        "{email}"
    );
    let (_, mail) = call(&app, &rep, Method::POST, "/api/v1/check", Some(ask("mail"))).await;
    assert!(
        !conflict_rules(&mail).contains(&"holiday".to_owned()),
        "only email is closed: {mail}"
    );

    let (status, _) = call(
        &app,
        &admin,
        Method::DELETE,
        "/api/v1/blackouts/2030-06-03",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = call(
        &app,
        &admin,
        Method::DELETE,
        "/api/v1/blackouts/2030-06-03",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, after) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/check",
        Some(ask("email")),
    )
    .await;
    assert!(
        !conflict_rules(&after).contains(&"holiday".to_owned()),
        "{after}"
    );
}

#[tokio::test]
async fn a_day_kept_before_the_stricter_checks_still_reads_and_can_be_removed() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    // Kept by an earlier Concord, which took a tab in a name and any year.
    let pool = app::store::open(&app.db).await.unwrap();
    let kept = json!({"days": [
        {"date": "2030-06-03", "name": "Old\tfreeze", "channels": [], "teams": []},
        {"date": "4786-01-01", "name": "Far", "channels": [], "teams": []},
    ]});
    app::store::db::query(
        "INSERT INTO rules (id, params, updated_by, updated_at) VALUES ('blackouts', ?, NULL, 0)",
    )
    .bind(kept.to_string())
    .execute(&pool)
    .await
    .unwrap();

    let (status, list) = call(&app, &admin, Method::GET, "/api/v1/blackouts", None).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list[0]["name"], "Old\tfreeze");
    let tab = json!({"date": "2030-06-04", "name": "New\tfreeze"});
    let (status, refused) = call(&app, &admin, Method::POST, "/api/v1/blackouts", Some(tab)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert!(
        refused.to_string().contains("control characters"),
        "{refused}"
    );
    let fine = json!({"date": "2030-06-05", "name": "Freeze"});
    let (status, made) = call(&app, &admin, Method::POST, "/api/v1/blackouts", Some(fine)).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let (status, _) = call(
        &app,
        &admin,
        Method::DELETE,
        "/api/v1/blackouts/4786-01-01",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, list) = call(&app, &admin, Method::GET, "/api/v1/blackouts", None).await;
    assert_eq!(list.as_array().unwrap().len(), 2, "{list}");
}
