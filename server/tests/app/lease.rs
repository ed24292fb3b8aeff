//! The due-touch feed: sender workers lease due touches through the API.

use crate::api_ledger::call;
use crate::helpers::spawn_app;
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

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
