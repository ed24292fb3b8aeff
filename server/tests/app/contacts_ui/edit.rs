//! The edit form's refusal of a bad field.

use super::{seed, signed_in};
use crate::helpers::{location, spawn_app};
use app::domain::{role::Role, Stage};
use app::store::contacts::get_contact;
use chrono::Utc;

#[tokio::test]
async fn the_edit_form_refuses_an_unknown_zone_by_name_and_saves_nothing() {
    let app = spawn_app().await;
    let pool = app::store::open(&app.db).await.unwrap();
    let ids = seed(&pool).await;
    // Ticking SMS consent turns it on: a manager's call.
    signed_in(&app, "max@example.com", Role::Manager).await;
    let edit = format!("/contacts/{}/edit", ids[0]);
    let post = |zone: &'static str, stage: &'static str| {
        let referer = app.url(&edit);
        app.client
            .post(app.url("/api/contacts/save"))
            .header("referer", referer)
            .header("accept", "text/html")
            .form(&[
                ("id", ids[0].0.to_string()),
                ("version", "1".to_owned()),
                ("stage", stage.to_owned()),
                ("timezone", zone.to_owned()),
                ("consent_sms", "on".to_owned()),
            ])
            .send()
    };
    let refused = post("Mars/Base", "customer").await.unwrap();
    assert_eq!(refused.status(), 302);
    let back = location(&refused);
    assert!(back.contains("__err="), "{back}");
    let unchanged = get_contact(&pool, ids[0], Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((unchanged.stage, unchanged.version), (Stage::Lead, 1));

    let saved = post("America/New_York", "customer").await.unwrap();
    assert!(
        location(&saved).ends_with("/edit?saved=2"),
        "{}",
        location(&saved)
    );
    let changed = get_contact(&pool, ids[0], Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (changed.stage, changed.timezone.name(), changed.version),
        (Stage::Customer, "America/New_York", 2)
    );
    assert!(
        changed.consent.sms && !changed.consent.email,
        "unticked boxes withdraw consent"
    );
    let page = app
        .client
        .get(app.url(&edit))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("America/New_York"));
}
