//! The table: one or more requests per action. To cover a new endpoint, server function or
//! page, add one [`Probe`].

use super::fixture::{form, unique, Fixture, Req, SECRET};
use app::domain::Action;
use reqwest::Method;
use serde_json::json;
use std::{future::Future, pin::Pin};

type Build = for<'a> fn(&'a Fixture) -> Pin<Box<dyn Future<Output = Req> + Send + 'a>>;

/// One row of the table: the action a request needs and how to build the request.
pub(super) struct Probe {
    pub(super) action: Action,
    pub(super) name: &'static str,
    pub(super) build: Build,
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
pub(super) fn probes() -> Vec<Probe> {
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
        probe!(
            PlanForOtherTeam,
            "POST /api/v1/touches (another team's name)",
            |fx| Req::Api(
                Method::POST,
                "/api/v1/touches".into(),
                Some(json!({
                "contact_id": fx.contact, "channel": "mail", "purpose": "relationship",
                "scheduled_at": "2030-05-01T14:00:00Z", "title": "Card", "team_id": fx.other_team}))
            )
        ),
        probe!(
            PlanForOtherTeam,
            "server fn plan_touch (another team's name)",
            |fx| Req::ServerFn(
                "plan_touch",
                form(&[
                    ("contact_id", &fx.contact.to_string()),
                    ("channel", "mail"),
                    ("purpose", "relationship"),
                    ("at", "2030-05-02T10:00"),
                    ("title", "Card"),
                    ("team_id", &fx.other_team.to_string()),
                ])
            )
        ),
        probe!(
            ChangeOthersTouches,
            "PATCH /api/v1/touches/{id} (someone else's, cancel)",
            |fx| Req::Api(
                Method::PATCH,
                format!("/api/v1/touches/{}", fx.owners_touch().await),
                Some(json!({"status": "cancelled", "version": 1}))
            )
        ),
        probe!(
            ChangeOthersTouches,
            "PATCH /api/v1/touches/{id} (someone else's, move)",
            |fx| Req::Api(
                Method::PATCH,
                format!("/api/v1/touches/{}", fx.owners_touch().await),
                Some(json!({"scheduled_at": "2030-03-07T15:00:00Z", "version": 1}))
            )
        ),
        probe!(
            ChangeOthersTouches,
            "server fn move_touch (someone else's)",
            |fx| Req::ServerFn(
                "move_touch",
                form(&[
                    ("id", &fx.owners_touch().await.to_string()),
                    ("version", "1"),
                    ("date", "2030-03-08"),
                    ("time", "10:00"),
                    ("review", "on"),
                ])
            )
        ),
        probe!(
            ExportContacts,
            "page /contacts/export.csv",
            |_fx| Req::Page("/contacts/export.csv".into())
        ),
        probe!(
            RestoreConsent,
            "PATCH /api/v1/contacts/{id} (lift do-not-contact)",
            |fx| Req::Api(
                Method::PATCH,
                format!("/api/v1/contacts/{}", fx.out_of_reach().await),
                Some(json!({"version": 1, "do_not_contact": false}))
            )
        ),
        probe!(
            RestoreConsent,
            "server fn contacts/save (email consent back on)",
            |fx| Req::ServerFn(
                "contacts/save",
                form(&[
                    ("id", &fx.out_of_reach().await.to_string()),
                    ("version", "1"),
                    ("stage", "lead"),
                    ("timezone", "America/New_York"),
                    ("consent_email", "on"),
                    ("do_not_contact", "on"),
                ])
            )
        ),
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
                ("version", "0"),
                ("enabled", "on"),
                ("severity", "block"),
                ("params[limit]", "2")
            ])
        )),
        probe!(EditRules, "PUT /api/v1/rules/{id}", |_fx| Req::Api(
            Method::PUT,
            "/api/v1/rules/min_gap".into(),
            Some(
                json!({"enabled": true, "severity": "block", "params": {"gap": "4h"}, "version": 0})
            )
        )),
        probe!(Plan, "GET /api/v1/rules", |_fx| Req::Api(
            Method::GET,
            "/api/v1/rules".into(),
            None
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
        probe!(ManagePeople, "GET /api/v1/users", |_fx| Req::Api(
            Method::GET,
            "/api/v1/users".into(),
            None
        )),
        probe!(ManagePeople, "PATCH /api/v1/users/{id}", |_fx| Req::Api(
            Method::PATCH,
            "/api/v1/users/999999".into(),
            Some(json!({"disabled": true}))
        )),
        probe!(ManagePeople, "server fn set_user_disabled", |_fx| {
            Req::ServerFn(
                "set_user_disabled",
                form(&[("user_id", "999999"), ("disabled", "yes")]),
            )
        }),
        probe!(ManagePeople, "server fn reset_password", |_fx| {
            Req::ServerFn(
                "reset_password",
                form(&[("user_id", "999999"), ("password", "a long new secret")]),
            )
        }),
        probe!(Plan, "POST /api/v1/me/feeds (anyone, their own)", |_fx| {
            Req::Api(
                Method::POST,
                "/api/v1/me/feeds".into(),
                Some(json!({"label": "probe"})),
            )
        }),
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
        probe!(ManageSources, "POST /api/v1/sources", |_fx| Req::Api(
            Method::POST,
            "/api/v1/sources".into(),
            Some(json!({"kind": "twilio_sms", "label": "probe", "secret": "probe-token"}))
        )),
        probe!(ManageSources, "GET /api/v1/sources", |_fx| Req::Api(
            Method::GET,
            "/api/v1/sources".into(),
            None
        )),
        probe!(ManageSources, "GET /api/v1/dead-letters", |_fx| Req::Api(
            Method::GET,
            "/api/v1/dead-letters".into(),
            None
        )),
        probe!(
            ManageSources,
            "POST /api/v1/dead-letters/{id}/replay",
            |_fx| Req::Api(
                Method::POST,
                "/api/v1/dead-letters/999999/replay".into(),
                None
            )
        ),
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
        probe!(PlanCampaign, "server fn move_campaign", |_fx| {
            Req::ServerFn(
                "move_campaign",
                form(&[("id", "999"), ("date", "2031-01-05"), ("time", "09:00")]),
            )
        }),
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
        probe!(Review, "server fn review/decide-campaign", |_fx| {
            Req::ServerFn(
                "review/decide-campaign",
                form(&[
                    ("campaign_id", "1"),
                    ("decision", "reject"),
                    ("reason", "agreed"),
                ]),
            )
        }),
        probe!(ManageClaims, "server fn review/reassign", |fx| {
            let id = fx.claimed_by_owner().await.to_string();
            Req::ServerFn(
                "review/reassign",
                form(&[("contact", &id), ("user_id", "1"), ("reason", "territory")]),
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
