//! People: an admin disables and enables users (sessions, tokens and feeds stop at once; the
//! history stays) and resets passwords; every user changes their own and signs out everywhere.

use crate::api_ledger::call;
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

const SECRET: &str = "a long enough secret";

fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Whether `client`'s session still opens a page.
async fn signed_in(app: &TestApp, client: &reqwest::Client) -> bool {
    client
        .get(app.url("/settings/profile"))
        .send()
        .await
        .unwrap()
        .status()
        == StatusCode::OK
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> Option<reqwest::Client> {
    let client = browser();
    let response = app.post_sign_in(&client, email, password, "/").await;
    let to = crate::helpers::location(&response);
    (!to.contains("error=")).then_some(client)
}

async fn user_id(app: &TestApp, email: &str) -> i64 {
    app.count(&format!("SELECT id FROM users WHERE email = '{email}'"))
        .await
}

#[tokio::test]
async fn a_disabled_user_is_shut_out_at_once_keeps_their_history_and_comes_back_when_enabled() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let rep = app.token_for("rex@example.com", Role::Rep).await;
    let session = sign_in(&app, "rex@example.com", SECRET).await.unwrap();
    let (_, feed) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/me/feeds",
        Some(json!({})),
    )
    .await;
    let feed = feed["url"].as_str().unwrap().to_owned();
    let contact = json!({"name": "Hy", "timezone": "UTC", "stage": "lead"});
    let (status, _) = call(&app, &rep, Method::POST, "/api/v1/contacts", Some(contact)).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = user_id(&app, "rex@example.com").await;
    let path = format!("/api/v1/users/{id}");

    let (status, body) = call(
        &app,
        &admin,
        Method::PATCH,
        &path,
        Some(json!({"disabled": true})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["disabled"], true);
    assert!(!signed_in(&app, &session).await, "the session ended");
    let (status, _) = call(&app, &rep, Method::GET, "/api/v1/touches", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the token stopped");
    assert_eq!(
        app.client.get(&feed).send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    assert!(
        sign_in(&app, "rex@example.com", SECRET).await.is_none(),
        "no sign-in"
    );
    assert!(app.count("SELECT COUNT(*) FROM audit_log WHERE actor_id = (SELECT id FROM users WHERE email = 'rex@example.com')").await > 0, "history stays");
    let (_, listed) = call(&app, &admin, Method::GET, "/api/v1/users", None).await;
    let listed = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(listed["disabled"], true);

    let (status, _) = call(
        &app,
        &admin,
        Method::PATCH,
        &path,
        Some(json!({"disabled": false})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(&app, &rep, Method::GET, "/api/v1/touches", None).await;
    assert_eq!(status, StatusCode::OK, "the token works again");
    assert!(sign_in(&app, "rex@example.com", SECRET).await.is_some());

    let me = user_id(&app, "ada@example.com").await;
    let (status, body) = call(
        &app,
        &admin,
        Method::PATCH,
        &format!("/api/v1/users/{me}"),
        Some(json!({"disabled": true})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let trail = "SELECT COUNT(*) FROM audit_log WHERE action IN ('user.disabled', 'user.enabled')";
    assert_eq!(app.count(trail).await, 2);
}

#[tokio::test]
async fn a_password_reset_ends_the_users_sessions_and_the_new_one_works() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    app.token_for("rex@example.com", Role::Rep).await;
    let session = sign_in(&app, "rex@example.com", SECRET).await.unwrap();
    let id = user_id(&app, "rex@example.com").await;
    let path = format!("/api/v1/users/{id}");
    let (status, _) = call(
        &app,
        &admin,
        Method::PATCH,
        &path,
        Some(json!({"password": "short"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        signed_in(&app, &session).await,
        "a refused reset changed nothing"
    );
    let (status, _) = call(
        &app,
        &admin,
        Method::PATCH,
        &path,
        Some(json!({"password": "a brand new secret", "name": "Rex R."})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!signed_in(&app, &session).await);
    assert!(sign_in(&app, "rex@example.com", SECRET).await.is_none());
    assert!(sign_in(&app, "rex@example.com", "a brand new secret")
        .await
        .is_some());
}

#[tokio::test]
async fn a_user_changes_their_password_and_signs_out_everywhere_else() {
    let app = spawn_app().await;
    app.add_user("pia@example.com", "Pia", Role::Rep, "Inside sales", SECRET)
        .await;
    let here = sign_in(&app, "pia@example.com", SECRET).await.unwrap();
    let laptop = sign_in(&app, "pia@example.com", SECRET).await.unwrap();
    let post = |client: &reqwest::Client, name: &str, form: Vec<(&'static str, &'static str)>| {
        client
            .post(app.url(&format!("/api/{name}")))
            .header("accept", "application/json")
            .form(&form)
            .send()
    };
    let wrong = post(
        &here,
        "change_my_password",
        vec![
            ("current", "not my password"),
            ("new", "another long secret"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(signed_in(&app, &laptop).await);
    let changed = post(
        &here,
        "change_my_password",
        vec![("current", SECRET), ("new", "another long secret")],
    )
    .await
    .unwrap();
    assert_eq!(changed.status(), StatusCode::OK);
    assert!(signed_in(&app, &here).await, "this session stays");
    assert!(!signed_in(&app, &laptop).await, "the other one ended");

    let phone = sign_in(&app, "pia@example.com", "another long secret")
        .await
        .unwrap();
    let ended = post(&here, "sign_out_everywhere", vec![]).await.unwrap();
    assert_eq!(ended.status(), StatusCode::OK);
    assert!(signed_in(&app, &here).await);
    assert!(!signed_in(&app, &phone).await);
}

#[tokio::test]
async fn creating_a_team_a_user_and_a_token_is_audited_with_the_admin_who_did_it() {
    let app = spawn_app().await;
    let admin = app.token_for("ada@example.com", Role::Admin).await;
    let (_, team) = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/teams",
        Some(json!({"name": "Field sales"})),
    )
    .await;
    let user = json!({"email": "fay@example.com", "name": "Fay", "role": "rep",
                      "team_id": team["id"], "password": "a long enough secret"});
    let (status, user) = call(&app, &admin, Method::POST, "/api/v1/users", Some(user)).await;
    assert_eq!(status, StatusCode::CREATED, "{user}");
    let (status, _) = call(
        &app,
        &admin,
        Method::POST,
        "/api/v1/tokens",
        Some(json!({"user_id": user["id"], "label": "dialer"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let me = user_id(&app, "ada@example.com").await;
    for action in ["team.created", "user.created", "token.created"] {
        let by_admin =
            format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND actor_id = {me}");
        assert_eq!(app.count(&by_admin).await, 1, "{action}");
    }
}
