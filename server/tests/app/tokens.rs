//! Revoking API tokens, through the REST API and the command line: a revoked token is refused
//! with 401 from the very next request.

use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use app::store::db;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Issues a token for the user with `email` through the API; answers (id, token).
async fn issue(app: &TestApp, admin: &str, email: &str) -> (i64, String) {
    let pool = app::store::open(&app.db).await.unwrap();
    let (user, _) = app::store::users::find_for_sign_in(&pool, email)
        .await
        .unwrap()
        .unwrap();
    pool.close().await;
    let issued: Value = app
        .client
        .post(app.url("/api/v1/tokens"))
        .bearer_auth(admin)
        .json(&json!({"user_id": user.0, "label": "dialer"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (
        issued["id"].as_i64().unwrap(),
        issued["token"].as_str().unwrap().to_owned(),
    )
}

async fn delete(app: &TestApp, token: &str, path: &str) -> (StatusCode, Value) {
    let response = app
        .client
        .delete(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The status a token gets on a harmless authenticated request.
async fn status_with(app: &TestApp, token: &str) -> StatusCode {
    app.client
        .post(app.url("/api/v1/teams"))
        .bearer_auth(token)
        .json(&json!({"name": format!("T{}", rand_suffix())}))
        .send()
        .await
        .unwrap()
        .status()
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

#[tokio::test]
async fn an_admin_revokes_a_token_and_it_is_refused_at_once() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let (id, token) = issue(&app, &admin, "ada@example.com").await;
    assert_eq!(status_with(&app, &token).await, StatusCode::CREATED);

    let (status, body) = delete(&app, &admin, &format!("/api/v1/tokens/{id}")).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    assert_eq!(status_with(&app, &token).await, StatusCode::UNAUTHORIZED);
    assert_eq!(status_with(&app, &admin).await, StatusCode::CREATED);

    let (status, body) = delete(&app, &admin, &format!("/api/v1/tokens/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "revoking twice: {body}");
    assert_eq!(body["error"], "not_found");
    let (status, _) = delete(&app, &admin, "/api/v1/tokens/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = delete(&app, &admin, "/api/v1/tokens/abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    let pool = app::store::open(&app.db).await.unwrap();
    let audited: i64 = db::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'token.revoked' AND subject_id = ?",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn only_admins_revoke_tokens() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let manager = app.token_for("max@example.com", Role::Manager).await;
    let (id, token) = issue(&app, &admin, "ada@example.com").await;

    let (status, body) = delete(&app, &manager, &format!("/api/v1/tokens/{id}")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["message"], "a manager may not manage API tokens");
    assert_eq!(status_with(&app, &token).await, StatusCode::CREATED);
    let (status, _) = delete(&app, "concord_nope", &format!("/api/v1/tokens/{id}")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_command_line_revokes_a_token_by_id() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let (id, token) = issue(&app, &admin, "ada@example.com").await;
    let revoke = |id: String| {
        std::process::Command::new(env!("CARGO_BIN_EXE_concord"))
            .args(["token", "revoke", "--id", &id, "--db"])
            .arg(app.db.to_url())
            .env_remove("CONCORD_DB")
            .output()
            .unwrap()
    };

    let out = revoke(id.to_string());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(status_with(&app, &token).await, StatusCode::UNAUTHORIZED);

    let again = revoke(id.to_string());
    assert_eq!(again.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains(&format!("concord: error: there is no live API token {id}")),
        "{stderr}"
    );
    let bad = revoke("seven".into());
    assert_eq!(bad.status.code(), Some(2));
}

async fn get(app: &TestApp, token: &str, path: &str) -> StatusCode {
    app.client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_token_records_its_use_coarsely_and_stops_at_its_expiry() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    app.token_for("dee@example.com", Role::Rep).await;
    let (id, token) = issue(&app, &admin, "dee@example.com").await;
    assert_eq!(get(&app, &token, "/api/v1/touches").await, StatusCode::OK);
    let used =
        format!("SELECT COUNT(*) FROM api_tokens WHERE id = {id} AND last_used_at IS NOT NULL");
    let mut recorded = 0;
    for _ in 0..50 {
        recorded = app.count(&used).await;
        if recorded == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(recorded, 1, "the first use is recorded");

    let user = app
        .count("SELECT id FROM users WHERE email = 'dee@example.com'")
        .await;
    let soon = chrono::Utc::now() + chrono::TimeDelta::seconds(2);
    let issued = app
        .client
        .post(app.url("/api/v1/tokens"))
        .bearer_auth(&admin)
        .json(&json!({"user_id": user, "label": "short", "expires_at": soon.to_rfc3339()}))
        .send()
        .await
        .unwrap();
    assert_eq!(issued.status(), StatusCode::CREATED);
    let short: Value = issued.json().await.unwrap();
    let short = short["token"].as_str().unwrap().to_owned();
    assert_eq!(get(&app, &short, "/api/v1/touches").await, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(2_100)).await;
    assert_eq!(
        get(&app, &short, "/api/v1/touches").await,
        StatusCode::UNAUTHORIZED,
        "expired"
    );
    let past = app
        .client
        .post(app.url("/api/v1/tokens"))
        .bearer_auth(&admin)
        .json(&json!({"user_id": user, "label": "past", "expires_at": "2020-01-01T00:00:00Z"}))
        .send()
        .await
        .unwrap();
    assert_eq!(past.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
