//! The matrix's company: one user of each role with a token and a session, and how a
//! [`Req`] is sent as one of them.

use crate::helpers::{spawn_app, TestApp};
use app::domain::role::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;

pub(super) const SECRET: &str = "a long enough secret";

/// A request to send as some role.
pub(super) enum Req {
    /// REST, with the role's bearer token.
    Api(Method, String, Option<Value>),
    /// The CSV import (REST, text body).
    Csv(String, String),
    /// A server function, posted as a form with the role's session cookie.
    ServerFn(&'static str, Vec<(String, String)>),
    /// A page, fetched with the role's session cookie.
    Page(String),
}

/// A company with one user of each role, each with an API token and a signed-in session.
pub(super) struct Fixture {
    pub(super) app: TestApp,
    pub(super) tokens: HashMap<Role, String>,
    pub(super) sessions: HashMap<Role, reqwest::Client>,
    /// A contact everyone may read.
    pub(super) contact: i64,
    /// A planned touch (reviewing it needs the Review action first).
    pub(super) touch: i64,
    /// A second rep's token: the owner of the claims others try to release and the author of
    /// the touches others try to change.
    pub(super) owner: String,
    /// A team none of the users belongs to.
    pub(super) other_team: i64,
}

pub(super) fn email(role: Role) -> String {
    format!("{}@example.com", role.as_str())
}

pub(super) fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub(super) fn unique() -> String {
    format!("{:?}", std::time::Instant::now()).replace(|c: char| !c.is_ascii_alphanumeric(), "")
}

impl Fixture {
    pub(super) async fn new() -> Fixture {
        let app = spawn_app().await;
        let mut tokens = HashMap::new();
        let mut sessions = HashMap::new();
        for role in Role::ALL {
            tokens.insert(role, app.token_for(&email(role), role).await);
            let client = reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let signed = app.post_sign_in(&client, &email(role), SECRET, "/").await;
            assert_eq!(signed.status(), StatusCode::SEE_OTHER);
            sessions.insert(role, client);
        }
        let owner = app.token_for("owner@example.com", Role::Rep).await;
        let mut fixture = Fixture {
            app,
            tokens,
            sessions,
            contact: 0,
            touch: 0,
            owner,
            other_team: 0,
        };
        let (status, team) = fixture
            .api(
                Role::Admin,
                Method::POST,
                "/api/v1/teams",
                Some(json!({"name": "Elsewhere"})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{team}");
        fixture.other_team = team["id"].as_i64().unwrap();
        fixture.contact = fixture.new_contact().await;
        let touch = json!({"contact_id": fixture.contact, "channel": "email", "purpose": "newsletter",
                           "scheduled_at": "2030-03-05T14:00:00Z", "title": "Hello"});
        let (status, body) = fixture
            .api(Role::Marketer, Method::POST, "/api/v1/touches", Some(touch))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        fixture.touch = body["touch"]["id"].as_i64().unwrap();
        fixture
    }

    pub(super) async fn api(
        &self,
        role: Role,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .app
            .client
            .request(method, self.app.url(path))
            .bearer_auth(&self.tokens[&role]);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub(super) async fn new_contact(&self) -> i64 {
        let body = json!({"name": "Casey Contact", "email": format!("{}@example.org", unique()),
                          "timezone": "America/New_York", "stage": "lead"});
        let (status, contact) = self
            .api(Role::Marketer, Method::POST, "/api/v1/contacts", Some(body))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{contact}");
        contact["id"].as_i64().unwrap()
    }

    /// A fresh contact that asked not to be contacted and consents to nothing.
    pub(super) async fn out_of_reach(&self) -> i64 {
        let body = json!({"name": "Dana Declined", "timezone": "America/New_York",
                          "stage": "lead", "do_not_contact": true,
                          "consent": {"email": false, "sms": false, "phone": false, "mail": false}});
        let (status, contact) = self
            .api(Role::Marketer, Method::POST, "/api/v1/contacts", Some(body))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{contact}");
        contact["id"].as_i64().unwrap()
    }

    /// A fresh planned touch written by the owner rep (at version 1).
    pub(super) async fn owners_touch(&self) -> i64 {
        let contact = self.new_contact().await;
        let touch = json!({"contact_id": contact, "channel": "email", "purpose": "sales_followup",
                           "scheduled_at": "2030-03-06T15:00:00Z", "title": "Following up"});
        let response = self
            .app
            .client
            .post(self.app.url("/api/v1/touches"))
            .bearer_auth(&self.owner)
            .json(&touch)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        body["touch"]["id"].as_i64().unwrap()
    }

    /// A fresh contact claimed by the owner rep, so that releasing it is someone else's claim.
    pub(super) async fn claimed_by_owner(&self) -> i64 {
        let id = self.new_contact().await;
        let response = self
            .app
            .client
            .post(self.app.url(&format!("/api/v1/contacts/{id}/claim")))
            .bearer_auth(&self.owner)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        assert_eq!(status, StatusCode::CREATED, "{body}");
        id
    }

    /// The status `role` gets for `req`.
    pub(super) async fn send(&self, role: Role, req: Req) -> (StatusCode, String) {
        let app = &self.app;
        let response = match req {
            Req::Api(method, path, body) => {
                let mut r = app
                    .client
                    .request(method, app.url(&path))
                    .bearer_auth(&self.tokens[&role]);
                if let Some(body) = body {
                    r = r.json(&body);
                }
                r.send().await.unwrap()
            }
            Req::Csv(path, csv) => app
                .client
                .post(app.url(&path))
                .bearer_auth(&self.tokens[&role])
                .header("Content-Type", "text/csv")
                .body(csv)
                .send()
                .await
                .unwrap(),
            Req::ServerFn(name, pairs) => self.sessions[&role]
                .post(app.url(&format!("/api/{name}")))
                .form(&pairs)
                .send()
                .await
                .unwrap(),
            Req::Page(path) => self.sessions[&role]
                .get(app.url(&path))
                .send()
                .await
                .unwrap(),
        };
        let status = response.status();
        (status, response.text().await.unwrap_or_default())
    }
}
