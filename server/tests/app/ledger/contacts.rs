//! Contacts: created from parsed input, partially updated with a version, read back.

use super::fixtures::{company, now};
use app::domain::{ContactChanges, ContactPatch, Stage};
use app::store::contacts::{get_contact, update_contact, ContactError};
use app::store::db;
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
    let updated = update_contact(
        &company.pool,
        id,
        &changes,
        &company.actor(company.manager),
        now(),
    )
    .await
    .unwrap();
    assert_eq!(updated.stage, Stage::Customer);
    assert_eq!(updated.phone, None);
    assert_eq!(updated.name, "Ola");
    assert_eq!(updated.version, 2);

    let stale = update_contact(
        &company.pool,
        id,
        &changes,
        &company.actor(company.manager),
        now(),
    )
    .await;
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

#[tokio::test]
async fn a_rep_may_withdraw_consent_but_only_a_manager_restores_it_and_both_are_audited() {
    let company = company().await;
    let id = company.contact("Pia").await;
    let withdraw = ContactPatch {
        version: 1,
        do_not_contact: Some(true),
        stage: Some("lead".into()),
        ..ContactPatch::default()
    };
    let rep = company.actor(company.rep);
    let changes = ContactChanges::parse(&withdraw).unwrap();
    update_contact(&company.pool, id, &changes, &rep, now())
        .await
        .unwrap();
    let restore = ContactPatch {
        version: 2,
        do_not_contact: Some(false),
        ..ContactPatch::default()
    };
    let changes = ContactChanges::parse(&restore).unwrap();
    let refused = update_contact(&company.pool, id, &changes, &rep, now()).await;
    assert!(matches!(
        refused.unwrap_err().refusal(),
        Some(ContactError::Forbidden(_))
    ));
    let manager = company.actor(company.manager);
    let restored = update_contact(&company.pool, id, &changes, &manager, now())
        .await
        .unwrap();
    assert!(!restored.do_not_contact);
    let trail: Vec<String> = db::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'contact.updated' ORDER BY id",
    )
    .fetch_all(&company.pool)
    .await
    .unwrap();
    assert_eq!(trail.len(), 2, "the refused change left no row");
    let first: serde_json::Value = serde_json::from_str(&trail[0]).unwrap();
    assert_eq!(first["before"]["do_not_contact"], false);
    assert_eq!(first["after"]["do_not_contact"], true);
    assert_eq!(first["before"]["stage"], "prospect");
    assert_eq!(first["after"]["stage"], "lead");
    let second: serde_json::Value = serde_json::from_str(&trail[1]).unwrap();
    assert_eq!(second["after"]["do_not_contact"], false);
}
