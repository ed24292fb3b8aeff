//! The contacts screen's server side: the search and filter query with keyset pages, the CSV
//! export and its re-import, the upload form's all-or-nothing refusal with line numbers, and
//! the edit form's refusal of a bad field, and what a refused form keeps without JavaScript.

mod csv;
mod edit;
mod refill;
mod search;

use crate::helpers::TestApp;
use app::domain::ids::ContactId;
use app::domain::{role::Role, ContactInput, NewContact};
use app::store::contacts::create_contact;
use app::store::db;
use chrono::Utc;
use db::Db;

pub(super) const SECRET: &str = "a long enough secret";

/// (name, email, phone, zone, stage, external id, sms opt-in)
pub(super) const PEOPLE: [(&str, &str, &str, &str, &str, &str, bool); 7] = [
    (
        "Ann Lee",
        "ann@example.com",
        "+1 617 555 0101",
        "Europe/Paris",
        "lead",
        "hs-1",
        false,
    ),
    (
        "anna Berg",
        "berg@example.com",
        "+1 617 555 0102",
        "UTC",
        "customer",
        "hs-2",
        true,
    ),
    (
        "Bob Ray",
        "annex@example.com",
        "+1 617 555 0103",
        "Europe/Paris",
        "lead",
        "hs-3",
        false,
    ),
    (
        "Cy Moe",
        "cy@example.com",
        "+1 617 555 0104",
        "Asia/Tokyo",
        "prospect",
        "HS-4",
        true,
    ),
    (
        "Dee Ng",
        "dee@example.com",
        "+1 617 555 0105",
        "UTC",
        "lead",
        "hs-5",
        false,
    ),
    (
        "Eve Oh",
        "eve@example.com",
        "+1 617 555 0106",
        "UTC",
        "former",
        "hs-6",
        false,
    ),
    (
        "Fay Po",
        "fay@example.com",
        "+1 617 555 0107",
        "UTC",
        "lead",
        "hs-7",
        true,
    ),
];

pub(super) async fn seed(pool: &Db) -> Vec<ContactId> {
    let mut ids = Vec::new();
    for (name, email, phone, zone, stage, external, sms) in PEOPLE {
        let mut input = ContactInput {
            name: name.into(),
            email: Some(email.into()),
            phone: Some(phone.into()),
            timezone: zone.into(),
            stage: stage.into(),
            external_id: Some(external.into()),
            ..ContactInput::default()
        };
        input
            .attributes
            .insert("child_age".into(), name.len().to_string());
        let mut contact = NewContact::parse(&input).unwrap();
        contact.consent.sms = sms;
        ids.push(
            create_contact(pool, &contact, None, Utc::now())
                .await
                .unwrap()
                .id,
        );
    }
    ids
}

pub(super) async fn signed_in(app: &TestApp, email: &str, role: Role) {
    app.add_user(email, email, role, "Corporate marketing", SECRET)
        .await;
    let response = app.post_sign_in(&app.client, email, SECRET, "/").await;
    assert_eq!(response.status(), 303);
}
