//! Calendar feed tokens: they open their user's feed and nothing else, API tokens open no
//! feed, and each user makes, lists and revokes their own.

use crate::api_ledger::call;
use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn fetch(app: &TestApp, url: &str) -> (StatusCode, String) {
    let response = app.client.get(url).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn a_feed_token_opens_only_its_feed_and_an_api_token_opens_no_feed() {
    use reqwest::Method;
    let app = spawn_app().await;
    let rep = app.token_for("rae@example.com", Role::Rep).await;
    let other = app.token_for("oli@example.com", Role::Rep).await;

    let (status, feed) = call(
        &app,
        &rep,
        Method::POST,
        "/api/v1/me/feeds",
        Some(json!({"label": "phone"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{feed}");
    let url = feed["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with(&app.url("/calendar/concordfeed_")), "{url}");
    let (status, body) = fetch(&app, &url).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.starts_with("BEGIN:VCALENDAR"), "{body}");

    // An API token opens no feed; a feed token opens no API.
    let (status, _) = fetch(&app, &app.url(&format!("/calendar/{rep}.ics"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let feed_token = url
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ics")
        .to_owned();
    let (status, _) = call(&app, &feed_token, Method::GET, "/api/v1/touches", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Listed without its token; another user can neither see nor revoke it.
    let (_, listed) = call(&app, &rep, Method::GET, "/api/v1/me/feeds", None).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["label"], "phone");
    assert!(!listed.to_string().contains(&feed_token));
    let (_, theirs) = call(&app, &other, Method::GET, "/api/v1/me/feeds", None).await;
    assert_eq!(theirs.as_array().unwrap().len(), 0);
    let path = format!("/api/v1/me/feeds/{}", feed["id"]);
    let (status, _) = call(&app, &other, Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = fetch(&app, &url).await;
    assert_eq!(status, StatusCode::OK, "still live");

    let (status, _) = call(&app, &rep, Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = fetch(&app, &url).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "revoked at once");
    let audited = "SELECT COUNT(*) FROM audit_log WHERE action IN ('feed.created', 'feed.revoked')";
    assert_eq!(app.count(audited).await, 2);
}

#[tokio::test]
async fn the_profile_page_makes_and_revokes_a_feed() {
    let app = spawn_app().await;
    app.add_user(
        "pam@example.com",
        "Pam",
        Role::Marketer,
        "Corporate marketing",
        "a long enough secret",
    )
    .await;
    let signed = app
        .post_sign_in(&app.client, "pam@example.com", "a long enough secret", "/")
        .await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let made = app
        .client
        .post(app.url("/api/create_feed"))
        .header("accept", "application/json")
        .form(&[("label", "work laptop")])
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::OK);
    let made: Value = made.json().await.unwrap();
    let url = made["url"].as_str().unwrap().to_owned();
    let (status, _) = fetch(&app, &url).await;
    assert_eq!(status, StatusCode::OK);
    let page = app
        .client
        .get(app.url("/settings/profile"))
        .send()
        .await
        .unwrap();
    let html = page.text().await.unwrap();
    assert!(html.contains("work laptop"), "the profile lists the feed");
    assert!(
        !html.contains(url.rsplit('/').next().unwrap()),
        "but never its token again"
    );
    let revoked = app
        .client
        .post(app.url("/api/revoke_feed"))
        .header("accept", "application/json")
        .form(&[("id", made["id"].to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::OK);
    let (status, _) = fetch(&app, &url).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
