//! `GET /api/v1/rules` and `PUT /api/v1/rules/{id}`: each rule saved on its own, at the version
//! read; concurrent saves of different rules all stay, a stale one is refused.

use crate::api_ledger::call;
use crate::helpers::spawn_app;
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn rules_are_saved_one_at_a_time_with_versions() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let rep = app.token_for("rex@example.com", Role::Rep).await;
    let (status, listed) = call(&app, &rep, Method::GET, "/api/v1/rules", None).await;
    assert_eq!(status, StatusCode::OK, "anyone reads the rules");
    let rules = listed["rules"].as_object().unwrap().clone();
    assert_eq!(rules["daily_cap"]["version"], 0);

    // Four admins' saves of four different rules at once: every one stays.
    let changes = [
        ("daily_cap", "limit", 3),
        ("weekly_cap", "limit", 9),
        ("customer_promo", "limit", 2),
        ("channel_mix", "max_channels", 3),
    ];
    let saves = changes.iter().map(|(id, field, value)| {
        let mut entry = rules[*id].clone();
        entry["params"][*field] = json!(value);
        let (app, admin) = (&app, admin.clone());
        async move {
            call(
                app,
                &admin,
                Method::PUT,
                &format!("/api/v1/rules/{id}"),
                Some(entry),
            )
            .await
        }
    });
    for (status, saved) in futures_util::future::join_all(saves).await {
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(saved["version"], 1);
    }
    let (_, after) = call(&app, &rep, Method::GET, "/api/v1/rules", None).await;
    for (id, field, value) in changes {
        assert_eq!(after["rules"][id]["params"][field], value, "{id}");
        assert_eq!(after["rules"][id]["version"], 1);
    }

    // A save at the version read before is stale; a rep may not save; a bad value names its field.
    let mut stale = rules["daily_cap"].clone();
    stale["params"]["limit"] = json!(5);
    let (status, body) = call(
        &app,
        &admin,
        Method::PUT,
        "/api/v1/rules/daily_cap",
        Some(stale.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, _) = call(
        &app,
        &rep,
        Method::PUT,
        "/api/v1/rules/daily_cap",
        Some(stale.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    stale["version"] = json!(1);
    stale["params"]["limit"] = json!(0);
    let (status, body) = call(
        &app,
        &admin,
        Method::PUT,
        "/api/v1/rules/daily_cap",
        Some(stale),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("limit"),
        "{body}"
    );
    let (status, _) = call(
        &app,
        &admin,
        Method::PUT,
        "/api/v1/rules/fax_cap",
        Some(json!({"version": 0})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, last) = call(&app, &rep, Method::GET, "/api/v1/rules", None).await;
    assert_eq!(
        last["rules"]["daily_cap"]["params"]["limit"], 3,
        "refusals saved nothing"
    );
    let audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'rule.saved'";
    assert_eq!(app.count(audited).await, 4);
}
