//! Events are idempotent: the same event ingested twice counts once.

use super::fixtures::{company, day, now};
use app::domain::{Channel, DeliveryKind, InteractionKind, TouchStatus};
use app::store::contacts::get_contact;
use app::store::events::{ingest, Event, EventError, Ingested};
use app::store::touches::{get_touch, schedule};
use chrono::TimeDelta;

#[tokio::test]
async fn the_same_interaction_twice_counts_once() {
    let company = company().await;
    let contact = company.contact("Gil").await;
    let reply = Event::Interaction {
        contact,
        kind: InteractionKind::Reply,
        channel: Channel::Email,
        at: day(),
        external_id: Some("msg-1".into()),
    };
    assert_eq!(
        ingest(&company.pool, &reply, now()).await.unwrap(),
        Ingested::Recorded
    );
    assert_eq!(
        ingest(&company.pool, &reply, now()).await.unwrap(),
        Ingested::Duplicate
    );
    let count = "SELECT COUNT(*) FROM interactions";
    assert_eq!(company.count(count).await, 1);
    assert_eq!(company.audited("interaction.recorded").await, 1);
    let first = "SELECT first_inbound_at FROM contacts";
    assert_eq!(company.count(first).await, day().timestamp());

    // Without an external id, the event itself is the key.
    let download = Event::Interaction {
        contact,
        kind: InteractionKind::Download,
        channel: Channel::Email,
        at: day() - TimeDelta::hours(1),
        external_id: None,
    };
    assert_eq!(
        ingest(&company.pool, &download, now()).await.unwrap(),
        Ingested::Recorded
    );
    assert_eq!(
        ingest(&company.pool, &download, now()).await.unwrap(),
        Ingested::Duplicate
    );
    assert_eq!(company.count(count).await, 2);
    assert_eq!(
        company.count(first).await,
        (day() - TimeDelta::hours(1)).timestamp()
    );
}

#[tokio::test]
async fn the_same_delivery_twice_counts_once() {
    let company = company().await;
    let contact = company.contact("Hal").await;
    let at = day() + TimeDelta::hours(15);
    let touch = schedule(&company.pool, &company.email(contact, at), now())
        .await
        .unwrap()
        .touch;
    let sent = Event::Delivery {
        touch: touch.id,
        kind: DeliveryKind::Sent,
        at,
        external_id: None,
    };
    assert_eq!(
        ingest(&company.pool, &sent, now()).await.unwrap(),
        Ingested::Recorded
    );
    assert_eq!(
        ingest(&company.pool, &sent, now()).await.unwrap(),
        Ingested::Duplicate
    );
    assert_eq!(company.count("SELECT COUNT(*) FROM touch_events").await, 1);
    assert_eq!(company.audited("touch.sent").await, 1);
    let stored = get_touch(&company.pool, touch.id).await.unwrap().unwrap();
    assert_eq!(
        (stored.status, stored.version, stored.sent_at),
        (TouchStatus::Sent, 2, Some(at))
    );
    let unknown = Event::Delivery {
        touch: app::domain::ids::TouchId(404),
        kind: DeliveryKind::Failed,
        at,
        external_id: None,
    };
    let refused = ingest(&company.pool, &unknown, now()).await.unwrap_err();
    assert_eq!(refused.refusal(), Some(EventError::TouchNotFound));
}

#[tokio::test]
async fn an_unsubscribe_withdraws_email_consent() {
    let company = company().await;
    let contact = company.contact("Ida").await;
    let unsubscribe = Event::Interaction {
        contact,
        kind: InteractionKind::Unsubscribe,
        channel: Channel::Email,
        at: day(),
        external_id: Some("unsub-1".into()),
    };
    ingest(&company.pool, &unsubscribe, now()).await.unwrap();
    ingest(&company.pool, &unsubscribe, now()).await.unwrap();
    let stored = get_contact(&company.pool, contact, now())
        .await
        .unwrap()
        .unwrap();
    assert!(!stored.consent.email);
    assert!(stored.consent.phone);
    assert_eq!(stored.version, 2);
    assert_eq!(company.audited("contact.unsubscribed").await, 1);
    let first = "SELECT COUNT(*) FROM contacts WHERE first_inbound_at IS NULL";
    assert_eq!(company.count(first).await, 1);
}
