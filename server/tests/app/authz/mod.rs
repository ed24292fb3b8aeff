//! The authorization matrix: every role × every action, through real requests — REST endpoints
//! with a bearer token, server functions and pages with a session cookie. A request answers 403
//! exactly when `!role.may(action)`.
//!
//! To cover a new endpoint or server function, add one [`Probe`] to [`probes`]: the action it
//! needs and a builder for the request.

mod fixture;
mod probes;

use crate::helpers::spawn_app;
use app::domain::{role::Role, Action};
use fixture::Fixture;
use probes::probes;
use reqwest::StatusCode;

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
