//! Senders' webhooks through the real endpoint: each request verified by its provider's scheme
//! (signed here with keys the test makes), mapped onto the ledger once, refused and stored
//! nowhere when it does not verify; what cannot be mapped is dead-lettered and replayed.

mod aircall;
mod mailgun;
mod mailgun_route;
mod postmark;
mod sendgrid;
mod ses;
mod twilio;
mod twilio_voice;
mod unanswered;

use crate::api_ledger::call;
use crate::helpers::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::json;

/// Connects a source of `kind` through the API, its secret in the field DESIGN names for the
/// kind (Postmark's `user:password` split in two); answers its id.
pub(crate) async fn connect(app: &TestApp, admin: &str, kind: &str, secret: &str) -> i64 {
    let mut body = json!({"kind": kind, "label": format!("Our {kind}")});
    match kind {
        "postmark" => {
            let (user, password) = secret.split_once(':').unwrap();
            body["username"] = json!(user);
            body["password"] = json!(password);
        }
        _ => {
            let field = match kind {
                "sendgrid" => "public_key",
                "mailgun" => "signing_key",
                "twilio_sms" | "twilio_voice" => "auth_token",
                "aircall" => "token",
                _ => "topic_arn",
            };
            body[field] = json!(secret);
        }
    }
    let (status, source) = call(app, admin, Method::POST, "/api/v1/sources", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{source}");
    let id = source["id"].as_i64().unwrap();
    let url = source["url"].as_str().unwrap();
    assert!(
        url.starts_with("http") && url.ends_with(&format!("/hooks/{id}")),
        "{source}"
    );
    assert!(
        source["instructions"].as_str().unwrap().contains(url),
        "{source}"
    );
    id
}

/// Plans a touch to `contact` on `channel` for 2031-03-04 15:00 UTC as `token`'s user; answers
/// its id once it is `planned`.
pub(crate) async fn plan_touch(
    app: &TestApp,
    token: &str,
    contact: i64,
    channel: &str,
    purpose: &str,
) -> i64 {
    let touch = json!({"contact_id": contact, "channel": channel, "purpose": purpose,
                       "scheduled_at": "2031-03-04T15:00:00Z", "title": "Spring news"});
    let (status, planned) = call(app, token, Method::POST, "/api/v1/touches", Some(touch)).await;
    assert_eq!(status, StatusCode::CREATED, "{planned}");
    assert_eq!(planned["touch"]["status"], "planned", "{planned}");
    planned["touch"]["id"].as_i64().unwrap()
}

#[tokio::test]
async fn a_secret_in_another_kinds_field_is_refused_and_connects_nothing() {
    let app = crate::helpers::spawn_app().await;
    let admin = app
        .token_for("ada@example.com", app::domain::role::Role::Admin)
        .await;
    for body in [
        json!({"kind": "mailgun", "label": "Mail", "public_key": "MFkw"}),
        json!({"kind": "postmark", "label": "Mark", "username": "hook"}),
        json!({"kind": "twilio_sms", "label": "Texts"}),
    ] {
        let (status, error) = call(&app, &admin, Method::POST, "/api/v1/sources", Some(body)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM sources").await, 0);
}
