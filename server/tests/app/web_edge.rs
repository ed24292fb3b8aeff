//! The web edge: headers on every answer, writes only from Concord's own origin, and a
//! `Secure`, `__Host-` session cookie with HSTS behind an https public address.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use app::domain::role::Role;
use reqwest::StatusCode;

const SECRET: &str = "a long enough secret";

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

async fn user(app: &TestApp) {
    app.add_user("pia@example.com", "Pia", Role::Rep, "Inside sales", SECRET)
        .await;
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_pages_a_nonce_policy() {
    let app = spawn_app().await;
    let page = app.client.get(app.url("/sign-in")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let policy = header(&page, "content-security-policy");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy")
        .to_owned();
    assert!(nonce.len() >= 16, "{nonce}");
    assert_eq!(header(&page, "x-content-type-options"), "nosniff");
    assert_eq!(header(&page, "x-frame-options"), "DENY");
    assert_eq!(header(&page, "referrer-policy"), "same-origin");
    assert_eq!(header(&page, "cache-control"), "no-store");
    assert!(header(&page, "strict-transport-security").is_empty());
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the page's scripts carry the policy's nonce"
    );

    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(
        header(&health, "content-security-policy"),
        "default-src 'none'; frame-ancestors 'none'"
    );
    assert_eq!(header(&health, "x-content-type-options"), "nosniff");
}

#[tokio::test]
async fn a_write_from_another_site_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    user(&app).await;
    let form = [
        ("email", "pia@example.com"),
        ("password", SECRET),
        ("next", "/"),
    ];
    let forged = app
        .client
        .post(app.url("/auth/sign-in"))
        .header("origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert!(header(&forged, "set-cookie").is_empty(), "no session");
    let cross = app
        .client
        .post(app.url("/auth/sign-in"))
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);

    let own = app
        .client
        .post(app.url("/auth/sign-in"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", app.url(""))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), StatusCode::SEE_OTHER);
    // Signed in now, a forged server-function call is still refused before it runs.
    let forged_fn = app
        .client
        .post(app.url("/api/set_my_timezone"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("zone", "Asia/Tokyo")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged_fn.status(), StatusCode::FORBIDDEN);
    let zone = "SELECT COUNT(*) FROM users WHERE timezone = 'Asia/Tokyo'";
    assert_eq!(app.count(zone).await, 0);
}

#[tokio::test]
async fn behind_an_https_address_the_cookie_is_secure_and_hsts_is_sent() {
    let app = spawn_app_with(|args| {
        args.public_url =
            Some(server::public_url::PublicUrl::parse("https://concord.example.com").unwrap());
    })
    .await;
    user(&app).await;
    let signed = app
        .client
        .post(app.url("/auth/sign-in"))
        .header("origin", "https://concord.example.com")
        .form(&[
            ("email", "pia@example.com"),
            ("password", SECRET),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let cookie = header(&signed, "set-cookie");
    assert!(cookie.starts_with("__Host-concord_session="), "{cookie}");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    assert!(
        header(&signed, "strict-transport-security").starts_with("max-age="),
        "HSTS"
    );
    let local = app
        .client
        .post(app.url("/auth/sign-in"))
        .header("origin", app.url(""))
        .form(&[
            ("email", "pia@example.com"),
            ("password", SECRET),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        local.status(),
        StatusCode::FORBIDDEN,
        "only the public origin may post"
    );
}

#[tokio::test]
async fn anonymous_traffic_is_limited_per_address_and_health_and_tokens_are_not() {
    let app = spawn_app_with(|args| args.anonymous_rate = 2).await;
    let token = app.token_for("tia@example.com", Role::Rep).await;
    let mut statuses = Vec::new();
    for _ in 0..14 {
        let r = app.client.get(app.url("/sign-in")).send().await.unwrap();
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(!header(&r, "retry-after").is_empty(), "says when to retry");
        }
        statuses.push(r.status());
    }
    let limited = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(limited >= 3, "a burst of 10, then limited: {statuses:?}");
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK, "health checks are exempt");
    let api = app
        .client
        .get(app.url("/api/v1/touches"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        api.status(),
        StatusCode::OK,
        "a token's traffic has its own limits"
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_throttle_counts_the_forwarded_address() {
    let app = spawn_app_with(|args| {
        args.trusted_proxy = vec!["127.0.0.1".parse().unwrap()];
        args.anonymous_rate = 1_000;
    })
    .await;
    let attempt = |n: usize, from: &'static str| {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let url = app.url("/auth/sign-in");
        async move {
            let r = client
                .post(url)
                .header("x-forwarded-for", from)
                .form(&[
                    ("email", format!("nobody{n}@example.com")),
                    ("password", "guess".into()),
                    ("next", "/".into()),
                ])
                .send()
                .await
                .unwrap();
            crate::helpers::location(&r)
        }
    };
    for n in 0..20 {
        assert!(attempt(n, "198.51.100.1").await.contains("error=invalid"));
    }
    assert!(
        attempt(20, "198.51.100.1")
            .await
            .contains("error=throttled"),
        "that address"
    );
    assert!(
        attempt(21, "198.51.100.2").await.contains("error=invalid"),
        "not this one"
    );
}
