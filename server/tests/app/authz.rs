//! The authorization matrix: every role × every action, through real requests — REST endpoints
//! with a bearer token, server functions and pages with a session cookie. A request answers 403
//! exactly when `!role.may(action)`.
//!
//! To cover a new endpoint or server function, add one [`Probe`] to [`probes`]: the action it
//! needs and a builder for the request.

use crate::helpers::{spawn_app, TestApp};
use app::domain::{role::Role, Action};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::{collections::HashMap, future::Future, pin::Pin};

const SECRET: &str = "a long enough secret";

/// A request to send as some role.
enum Req {
    /// REST, with the role's bearer token.
    Api(Method, String, Option<Value>),
    /// The CSV import (REST, text body).
    Csv(String, String),
    /// A server function, posted as a form with the role's session cookie.
    ServerFn(&'static str, Vec<(String, String)>),
    /// A page, fetched with the role's session cookie.
    Page(String),
}

type Build = for<'a> fn(&'a Fixture) -> Pin<Box<dyn Future<Output = Req> + Send + 'a>>;

/// One row of the table: the action a request needs and how to build the request.
struct Probe {
    action: Action,
    name: &'static str,
    build: Build,
}

/// A company with one user of each role, each with an API token and a signed-in session.
struct Fixture {
    app: TestApp,
    tokens: HashMap<Role, String>,
    sessions: HashMap<Role, reqwest::Client>,
    /// A contact everyone may read.
    contact: i64,
    /// A planned touch (reviewing it needs the Review action first).
    touch: i64,
    /// A second rep's token: the owner of the claims others try to release.
    owner: String,
}

fn email(role: Role) -> String {
    format!("{}@example.com", role.as_str())
}

fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn unique() -> String {
    format!("{:?}", std::time::Instant::now()).replace(|c: char| !c.is_ascii_alphanumeric(), "")
}

impl Fixture {
    async fn new() -> Fixture {
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
        };
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

    async fn api(
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

    async fn new_contact(&self) -> i64 {
        let body = json!({"name": "Casey Contact", "email": format!("{}@example.org", unique()),
                          "timezone": "America/New_York", "stage": "lead"});
        let (status, contact) = self
            .api(Role::Marketer, Method::POST, "/api/v1/contacts", Some(body))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{contact}");
        contact["id"].as_i64().unwrap()
    }

    /// A fresh contact claimed by the owner rep, so that releasing it is someone else's claim.
    async fn claimed_by_owner(&self) -> i64 {
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
    async fn send(&self, role: Role, req: Req) -> (StatusCode, String) {
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

macro_rules! probe {
    ($action:expr, $name:literal, |$fx:ident| $body:expr) => {
        Probe {
            action: $action,
            name: $name,
            build: |$fx| Box::pin(async move { $body }),
        }
    };
}

/// The table: one or more requests per action.
fn probes() -> Vec<Probe> {
    use Action::*;
    vec![
        probe!(Plan, "GET /api/v1/contacts/{id}", |fx| Req::Api(
            Method::GET,
            format!("/api/v1/contacts/{}", fx.contact),
            None
        )),
        probe!(Plan, "POST /api/v1/check", |fx| Req::Api(
            Method::POST,
            "/api/v1/check".into(),
            Some(json!({
            "contact_id": fx.contact, "channel": "email", "purpose": "newsletter",
            "scheduled_at": "2030-03-09T14:00:00Z", "title": "Check"}))
        )),
        probe!(PlanCampaign, "POST /api/v1/campaigns/preview", |_fx| {
            Req::Api(
                Method::POST,
                "/api/v1/campaigns/preview".into(),
                Some(json!({
            "audience": {"stages": ["lead"]}, "channel": "email", "purpose": "promotional",
            "scheduled_at": "2030-04-02T23:00:00Z", "title": "Spring launch"})),
            )
        }),
        probe!(ImportContacts, "POST /api/v1/contacts/import", |_fx| {
            Req::Csv(
                "/api/v1/contacts/import".into(),
                format!(
                    "name,email,timezone\nIan Import,{}@example.org,Europe/Berlin\n",
                    unique()
                ),
            )
        }),
        probe!(Claim, "POST /api/v1/contacts/{id}/claim", |fx| Req::Api(
            Method::POST,
            format!("/api/v1/contacts/{}/claim", fx.new_contact().await),
            None
        )),
        probe!(
            ManageClaims,
            "DELETE /api/v1/contacts/{id}/claim (someone else's)",
            |fx| Req::Api(
                Method::DELETE,
                format!("/api/v1/contacts/{}/claim", fx.claimed_by_owner().await),
                None
            )
        ),
        probe!(Review, "POST /api/v1/reviews/{touch_id}", |fx| Req::Api(
            Method::POST,
            format!("/api/v1/reviews/{}", fx.touch),
            Some(json!({"decision": "approve", "reason": "agreed"}))
        )),
        probe!(Oversee, "server fn pressure", |_fx| Req::ServerFn(
            "pressure",
            form(&[("from", ""), ("to", ""), ("team", "")])
        )),
        probe!(Oversee, "page /dashboard", |_fx| Req::Page(
            "/dashboard".into()
        )),
        probe!(Oversee, "page /review", |_fx| Req::Page("/review".into())),
        probe!(Oversee, "page /review/audit", |_fx| Req::Page(
            "/review/audit".into()
        )),
        probe!(EditRules, "server fn save_rule", |_fx| Req::ServerFn(
            "save_rule",
            form(&[
                ("id", "daily_cap"),
                ("enabled", "on"),
                ("severity", "block"),
                ("params[limit]", "2")
            ])
        )),
        probe!(EditRules, "server fn settings_overview", |_fx| {
            Req::ServerFn("settings_overview", Vec::new())
        }),
        probe!(EditRules, "page /settings", |_fx| Req::Page(
            "/settings".into()
        )),
        probe!(ManagePeople, "POST /api/v1/teams", |_fx| Req::Api(
            Method::POST,
            "/api/v1/teams".into(),
            Some(json!({"name": unique()}))
        )),
        probe!(ManagePeople, "POST /api/v1/users", |_fx| Req::Api(
            Method::POST,
            "/api/v1/users".into(),
            Some(json!({
            "email": format!("{}@example.com", unique()), "name": "New", "role": "rep", "team_id": 1, "password": SECRET}))
        )),
        probe!(ManagePeople, "server fn create_team", |_fx| Req::ServerFn(
            "create_team",
            form(&[("name", &unique())])
        )),
        probe!(ManagePeople, "server fn create_user", |_fx| Req::ServerFn(
            "create_user",
            form(&[
                ("email", &format!("{}@example.com", unique())),
                ("name", "New"),
                ("role", "rep"),
                ("team_id", "1"),
                ("password", SECRET)
            ])
        )),
        probe!(ManagePeople, "server fn change_user", |_fx| Req::ServerFn(
            "change_user",
            form(&[("user_id", "1"), ("role", "marketer"), ("team_id", "1")])
        )),
        probe!(ManageTokens, "POST /api/v1/tokens", |_fx| Req::Api(
            Method::POST,
            "/api/v1/tokens".into(),
            Some(json!({"user_id": 1, "label": "probe"}))
        )),
        probe!(ManageTokens, "DELETE /api/v1/tokens/{id}", |_fx| Req::Api(
            Method::DELETE,
            "/api/v1/tokens/999999".into(),
            None
        )),
        probe!(ManageTokens, "server fn create_token", |_fx| Req::ServerFn(
            "create_token",
            form(&[("user_id", "1"), ("label", "probe")])
        )),
        probe!(ManageTokens, "server fn revoke_token", |_fx| Req::ServerFn(
            "revoke_token",
            form(&[("id", "999999")])
        )),
        probe!(Plan, "server fn check_touch", |fx| {
            let id = fx.contact.to_string();
            Req::ServerFn(
                "check_touch",
                form(&[
                    ("draft[contact_id]", &id),
                    ("draft[channel]", "email"),
                    ("draft[purpose]", "newsletter"),
                    ("draft[at]", "2030-05-01T10:00"),
                    ("draft[title]", ""),
                    ("draft[notes]", ""),
                    ("draft[automated]", "false"),
                    ("draft[personalized]", "true"),
                ]),
            )
        }),
        probe!(Plan, "server fn plan_touch", |fx| {
            let id = fx.contact.to_string();
            Req::ServerFn(
                "plan_touch",
                form(&[
                    ("contact_id", &id),
                    ("channel", "email"),
                    ("purpose", "newsletter"),
                    ("at", "2030-05-02T10:00"),
                    ("title", "Planned from the page"),
                ]),
            )
        }),
        probe!(PlanCampaign, "server fn preview_campaign", |_fx| {
            Req::ServerFn(
                "preview_campaign",
                form(&[
                    ("fields[title]", "Spring"),
                    ("fields[channel]", "email"),
                    ("fields[purpose]", "newsletter"),
                    ("fields[at]", "2030-05-03T10:00"),
                    ("fields[team_id]", ""),
                    ("fields[stages]", "lead"),
                    ("fields[conditions]", ""),
                ]),
            )
        }),
        probe!(
            PlanCampaign,
            "server fn plan_campaign",
            |_fx| Req::ServerFn(
                "plan_campaign",
                form(&[
                    ("title", "Spring"),
                    ("channel", "email"),
                    ("purpose", "newsletter"),
                    ("at", "2030-05-04T10:00"),
                    ("team_id", ""),
                    ("stages", "lead"),
                    ("conditions", ""),
                    ("on_conflict", "exclude"),
                ])
            )
        ),
        probe!(PlanCampaign, "page /plan", |_fx| Req::Page("/plan".into())),
        probe!(Claim, "server fn leads/claim", |fx| {
            let id = fx.new_contact().await.to_string();
            Req::ServerFn("leads/claim", form(&[("contact_id", &id)]))
        }),
        probe!(Review, "server fn review/decide", |fx| {
            let id = fx.touch.to_string();
            Req::ServerFn(
                "review/decide",
                form(&[
                    ("touch_id", &id),
                    ("decision", "approve"),
                    ("reason", "agreed"),
                ]),
            )
        }),
        probe!(ManageClaims, "server fn review/reassign", |fx| {
            let id = fx.claimed_by_owner().await.to_string();
            Req::ServerFn(
                "review/reassign",
                form(&[
                    ("contact_id", &id),
                    ("user_id", "1"),
                    ("reason", "territory"),
                ]),
            )
        }),
        probe!(Oversee, "server fn review/queue", |_fx| Req::ServerFn(
            "review/queue",
            Vec::new()
        )),
        probe!(Oversee, "server fn review/audit", |_fx| Req::ServerFn(
            "review/audit",
            form(&[("page", "1")])
        )),
    ]
}

#[tokio::test]
async fn every_role_gets_403_exactly_for_the_actions_it_may_not_take() {
    let fx = Fixture::new().await;
    let table = probes();
    let mut failures = Vec::new();
    for probe in &table {
        for role in Role::ALL {
            let request = (probe.build)(&fx).await;
            let (status, body) = fx.send(role, request).await;
            let forbidden = status == StatusCode::FORBIDDEN;
            if forbidden == role.may(probe.action)
                || status.is_server_error()
                || status == StatusCode::UNAUTHORIZED
            {
                failures.push(format!(
                    "{} as {}: {status} (may {:?}: {}) {}",
                    probe.name,
                    role.as_str(),
                    probe.action,
                    role.may(probe.action),
                    body.chars().take(160).collect::<String>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let covered: Vec<Action> = table.iter().map(|p| p.action).collect();
    for action in Action::ALL {
        assert!(covered.contains(&action), "no probe for {action:?}");
    }
}

#[tokio::test]
async fn server_functions_refuse_a_request_without_a_session() {
    let app = spawn_app().await;
    let calls: [(&str, &[(&str, &str)]); 4] = [
        ("settings_overview", &[]),
        ("pressure", &[("from", ""), ("to", ""), ("team", "")]),
        ("set_my_timezone", &[("zone", "UTC")]),
        ("revoke_token", &[("id", "1")]),
    ];
    for (name, form) in calls {
        let response = app
            .client
            .post(app.url(&format!("/api/{name}")))
            .form(form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{name}");
        assert_eq!(response.text().await.unwrap(), r#""Unauthorized""#);
    }
}
