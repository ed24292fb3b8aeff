//! The rule packs through the API: anyone reads them, an admin switches them; a contact's
//! jurisdiction is read from its address, its phone's area code kept beside it, or set by hand;
//! and the send gate refuses what the law of the contact's place forbids only while its pack is on.

use crate::api_ledger::{call, conflict_rules};
use crate::helpers::spawn_app;
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

/// The rule ids of the send gate's conflicts.

#[tokio::test]
async fn a_pack_switched_on_refuses_what_the_law_of_the_contacts_place_forbids() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let rep = app.token_for("rex@example.com", Role::Rep).await;

    let (status, packs) = call(&app, &rep, Method::GET, "/api/v1/rule-packs", None).await;
    assert_eq!(status, StatusCode::OK, "{packs}");
    let ids: Vec<&str> = packs
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["us", "ca", "fr", "uk"]);
    assert!(packs
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["enabled"] == false));
    let texas = packs[0]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "us-tx-hours")
        .unwrap()
        .clone();
    assert_eq!(texas["rule"], "legal_hours");
    assert_eq!(texas["applies_to"], "Texas (US-TX)");
    assert!(
        texas["source"]
            .as_str()
            .unwrap()
            .contains("Tex. Bus. & Com. Code"),
        "{texas}"
    );

    // An address in Austin and a Miami phone number.
    let body = json!({"name": "Tess Austin", "address": "100 Congress Ave\nAustin, TX 78701",
                      "phone": "+1 305 555 0100", "timezone": "America/Chicago", "stage": "lead",
                      "consent": {"email": true, "sms": true, "phone": true, "mail": true}});
    let (status, contact) = call(&app, &rep, Method::POST, "/api/v1/contacts", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{contact}");
    assert_eq!(contact["country"], "US");
    assert_eq!(contact["region"], "US-TX");
    assert_eq!(contact["area_code_region"], "US-FL");
    assert_eq!(contact["jurisdiction_source"], "address");
    let id = contact["id"].as_i64().unwrap();

    // Sunday 2 June 2030, 10:00 in Austin: Texas allows sales texts on Sundays from noon.
    let ask = json!({"contact_id": id, "channel": "sms", "purpose": "promotional",
                     "at": "2030-06-02T15:00:00Z"});
    let gate = |token: &str| {
        let (app, ask, token) = (&app, ask.clone(), token.to_owned());
        async move {
            call(app, &token, Method::POST, "/api/v1/check", Some(ask))
                .await
                .1
        }
    };
    assert!(
        !conflict_rules(&gate(&rep).await).contains(&"legal_hours".to_owned()),
        "no pack is on yet"
    );

    let on = json!({"enabled": true});
    let (status, _) = call(
        &app,
        &rep,
        Method::PATCH,
        "/api/v1/rule-packs/us",
        Some(on.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a rep may not switch packs");
    let (status, _) = call(
        &app,
        &admin,
        Method::PATCH,
        "/api/v1/rule-packs/de",
        Some(on.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, us) = call(
        &app,
        &admin,
        Method::PATCH,
        "/api/v1/rule-packs/us",
        Some(on),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{us}");
    assert_eq!(us["enabled"], true);

    let answer = gate(&rep).await;
    assert_eq!(answer["decision"], "block", "{answer}");
    assert!(
        conflict_rules(&answer).contains(&"legal_hours".to_owned()),
        "{answer}"
    );
    let message = answer["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "legal_hours")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.starts_with("Texas allows sales texts on Sunday only 12:00–21:00"),
        "{message}"
    );
    assert_eq!(
        answer["next_allowed_at"], "2030-06-02T17:00:00Z",
        "noon in Austin"
    );

    // Set by hand to Georgia: Georgia has no hours of its own, Florida (the area code) opens at
    // 08:00 and federal law at 08:00, so 10:00 on a Sunday is lawful.
    let patch = json!({"version": contact["version"], "region": "US-GA"});
    let (status, moved) = call(
        &app,
        &rep,
        Method::PATCH,
        &format!("/api/v1/contacts/{id}"),
        Some(patch),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["region"], "US-GA");
    assert_eq!(moved["jurisdiction_source"], "manual");
    assert_eq!(moved["area_code_region"], "US-FL");
    assert!(!conflict_rules(&gate(&rep).await).contains(&"legal_hours".to_owned()));
    let bad = json!({"version": moved["version"], "country": "FR", "region": "US-GA"});
    let (status, refused) = call(
        &app,
        &rep,
        Method::PATCH,
        &format!("/api/v1/contacts/{id}"),
        Some(bad),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");

    // Back to the address (Texas), then the pack switched off: the law says nothing again.
    let back = json!({"version": moved["version"], "country": "", "region": ""});
    let (status, read) = call(
        &app,
        &rep,
        Method::PATCH,
        &format!("/api/v1/contacts/{id}"),
        Some(back),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{read}");
    assert_eq!(read["region"], "US-TX");
    assert!(conflict_rules(&gate(&rep).await).contains(&"legal_hours".to_owned()));
    let off = json!({"enabled": false});
    let (status, _) = call(
        &app,
        &admin,
        Method::PATCH,
        "/api/v1/rule-packs/us",
        Some(off),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!conflict_rules(&gate(&rep).await).contains(&"legal_hours".to_owned()));
}

#[tokio::test]
async fn contacts_stored_before_jurisdictions_are_read_in_the_background() {
    let app = spawn_app().await;
    let rep = app.token_for("rex@example.com", Role::Rep).await;
    let body = json!({"name": "Flo Ride", "address": "1 Ocean Dr\nMiami, FL 33139",
                      "timezone": "America/New_York", "stage": "lead"});
    let (_, contact) = call(&app, &rep, Method::POST, "/api/v1/contacts", Some(body)).await;
    let id = contact["id"].as_i64().unwrap();
    // As a contact stored by an older Concord: no jurisdiction columns.
    app.count(&format!(
        "UPDATE contacts SET country = NULL, region = NULL, area_code_region = NULL, \
         jurisdiction_source = NULL WHERE id = {id} RETURNING id"
    ))
    .await;
    // Read on the fly meanwhile...
    let (_, read) = call(
        &app,
        &rep,
        Method::GET,
        &format!("/api/v1/contacts/{id}"),
        None,
    )
    .await;
    assert_eq!(read["region"], "US-FL", "{read}");
    // ...and stored by the background job within a few seconds.
    let stored =
        "SELECT COUNT(*) FROM contacts WHERE region = 'US-FL' AND jurisdiction_source = 'address'";
    for _ in 0..50 {
        if app.count(stored).await == 1 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the jurisdiction was never stored");
}
