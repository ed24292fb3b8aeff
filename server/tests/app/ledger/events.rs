//! Events are idempotent: the same event ingested twice counts once.

use super::fixtures::{company, day, now};
use crate::helpers::schedule;
use app::domain::{Channel, DeliveryKind, InteractionKind, TouchStatus};
use app::store::contacts::get_contact;
use app::store::events::{ingest, Event, EventError, Ingested};
use app::store::touches::get_touch;
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
        ingest(&company.pool, "test", &reply, now()).await.unwrap(),
        Ingested::Recorded
    );
    assert_eq!(
        ingest(&company.pool, "test", &reply, now()).await.unwrap(),
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
        ingest(&company.pool, "test", &download, now())
            .await
            .unwrap(),
        Ingested::Recorded
    );
    assert_eq!(
        ingest(&company.pool, "test", &download, now())
            .await
            .unwrap(),
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
        message_id: None,
    };
    assert_eq!(
        ingest(&company.pool, "test", &sent, now()).await.unwrap(),
        Ingested::Recorded
    );
    assert_eq!(
        ingest(&company.pool, "test", &sent, now()).await.unwrap(),
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
        message_id: None,
    };
    let refused = ingest(&company.pool, "test", &unknown, now())
        .await
        .unwrap_err();
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
    ingest(&company.pool, "test", &unsubscribe, now())
        .await
        .unwrap();
    ingest(&company.pool, "test", &unsubscribe, now())
        .await
        .unwrap();
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

#[tokio::test]
async fn an_unsubscribe_with_the_message_id_of_an_earlier_reply_still_withdraws_consent() {
    let company = company().await;
    let contact = company.contact("Jo").await;
    let event = |kind, external_id: &str| Event::Interaction {
        contact,
        kind,
        channel: Channel::Email,
        at: day(),
        external_id: Some(external_id.into()),
    };
    let reply = event(InteractionKind::Reply, "msg-7");
    let unsubscribe = event(InteractionKind::Unsubscribe, "msg-7");
    assert_eq!(
        ingest(&company.pool, "token:1", &reply, now())
            .await
            .unwrap(),
        Ingested::Recorded
    );
    assert_eq!(
        ingest(&company.pool, "token:1", &unsubscribe, now())
            .await
            .unwrap(),
        Ingested::Recorded,
        "another kind of event, not a duplicate"
    );
    let stored = get_contact(&company.pool, contact, now())
        .await
        .unwrap()
        .unwrap();
    assert!(!stored.consent.email, "consent withdrawn");
    // The same id from another sender is another event; from the same sender, a duplicate.
    assert_eq!(
        ingest(&company.pool, "token:2", &reply, now())
            .await
            .unwrap(),
        Ingested::Recorded
    );
    assert_eq!(
        ingest(&company.pool, "token:2", &reply, now())
            .await
            .unwrap(),
        Ingested::Duplicate
    );
}

#[tokio::test]
async fn a_touch_that_was_not_going_out_cannot_be_reported_sent() {
    let company = company().await;
    let contact = company.contact("Kit").await;
    let at = day() + TimeDelta::hours(15);
    let touch = schedule(&company.pool, &company.email(contact, at), now())
        .await
        .unwrap()
        .touch;
    let manager = company.actor(company.manager);
    app::store::touches::cancel(&company.pool, touch.id, 1, manager, now())
        .await
        .unwrap();
    let sent = Event::Delivery {
        touch: touch.id,
        kind: DeliveryKind::Sent,
        at,
        external_id: Some("smtp-1".into()),
        message_id: None,
    };
    let refused = ingest(&company.pool, "test", &sent, now())
        .await
        .unwrap_err();
    assert_eq!(
        refused.refusal(),
        Some(EventError::NotGoingOut(TouchStatus::Cancelled))
    );
    let stored = get_touch(&company.pool, touch.id).await.unwrap().unwrap();
    assert_eq!(stored.status, TouchStatus::Cancelled);
    assert_eq!(company.count("SELECT COUNT(*) FROM touch_events").await, 0);
}

#[tokio::test]
async fn a_sent_report_dated_in_the_future_renews_no_claim() {
    use app::domain::{role::Role, Purpose};
    use app::store::claims::{claim, owner_of};
    let company = company().await;
    let contact = company.contact("Lee").await;
    claim(&company.pool, contact, company.rep, Role::Rep, now())
        .await
        .unwrap();
    let at = day() + TimeDelta::hours(15);
    let touch = company.touch(contact, company.rep, Purpose::SalesFollowup, at);
    let touch = schedule(&company.pool, &touch, now()).await.unwrap().touch;
    let expiry = |company: &super::fixtures::Company| {
        let pool = company.pool.clone();
        async move {
            owner_of(&pool, contact, now())
                .await
                .unwrap()
                .unwrap()
                .expires_at
        }
    };
    let before = expiry(&company).await;
    let far = Event::Delivery {
        touch: touch.id,
        kind: DeliveryKind::Sent,
        at: now() + TimeDelta::days(365),
        external_id: Some("clock-ahead".into()),
        message_id: None,
    };
    ingest(&company.pool, "test", &far, now()).await.unwrap();
    assert_eq!(
        expiry(&company).await,
        before,
        "a future date renews nothing"
    );
}
