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
