//! Senders' webhooks through the real endpoint: each request verified by its provider's scheme
//! (signed here with keys the test makes), mapped onto the ledger once, refused and stored
//! nowhere when it does not verify; what cannot be mapped is dead-lettered and replayed.

mod sendgrid;
mod twilio;

use crate::api_ledger::call;
use crate::helpers::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::json;

/// Connects a source of `kind` through the API; answers its id.
pub(crate) async fn connect(app: &TestApp, admin: &str, kind: &str, secret: &str) -> i64 {
    let body = json!({"kind": kind, "label": format!("Our {kind}"), "secret": secret});
    let (status, source) = call(app, admin, Method::POST, "/api/v1/sources", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{source}");
    assert!(
        source["instructions"].as_str().unwrap().contains("/hooks/"),
        "{source}"
    );
    source["id"].as_i64().unwrap()
}
