//! Contacts: created from parsed input, partially updated with a version, read back.

use super::fixtures::{company, now};
use app::domain::{ContactChanges, ContactPatch, Stage};
use app::store::contacts::{get_contact, update_contact, ContactError};
use app::store::timeline::timeline;
use chrono::TimeDelta;

#[tokio::test]
async fn a_partial_update_needs_the_current_version() {
    let company = company().await;
    let id = company.contact("Ola").await;
    let created = get_contact(&company.pool, id, now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((created.name.as_str(), created.version), ("Ola", 1));
    assert_eq!(created.email.unwrap().as_str(), "ola@example.net");

    let patch = ContactPatch {
        version: 1,
        stage: Some("customer".into()),
        phone: Some(String::new()),
        ..ContactPatch::default()
    };
    let changes = ContactChanges::parse(&patch).unwrap();
    let updated = update_contact(&company.pool, id, &changes, None, now())
        .await
        .unwrap();
    assert_eq!(updated.stage, Stage::Customer);
    assert_eq!(updated.phone, None);
    assert_eq!(updated.name, "Ola");
    assert_eq!(updated.version, 2);

    let stale = update_contact(&company.pool, id, &changes, None, now()).await;
    assert_eq!(
        stale.unwrap_err().refusal(),
        Some(ContactError::StaleVersion { current: 2 })
    );
    let stored = get_contact(&company.pool, id, now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored, updated);

    let view = timeline(&company.pool, id, now(), now() + TimeDelta::days(7), now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.contact, updated);
    assert!(view.touches.is_empty());
}
