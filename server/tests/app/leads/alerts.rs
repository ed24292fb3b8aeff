//! The board's alerts section runs the engine on the contacts that could have an alert.

use crate::ledger::fixtures::{company, now};
use app::domain::{AlertId, Channel, InteractionKind};
use app::store::events::ingest_interaction;
use chrono::TimeDelta;

#[tokio::test]
async fn an_unanswered_reply_puts_the_contact_on_the_board() {
    let c = company().await;
    let waiting = c.contact("Waiting").await;
    let fresh = c.contact("Fresh").await;
    let old = now() - TimeDelta::days(6);
    ingest_interaction(
        &c.pool,
        waiting,
        InteractionKind::Reply,
        Channel::Email,
        old,
        None,
        old,
    )
    .await
    .unwrap();
    let recent = now() - TimeDelta::hours(2);
    ingest_interaction(
        &c.pool,
        fresh,
        InteractionKind::Reply,
        Channel::Email,
        recent,
        None,
        recent,
    )
    .await
    .unwrap();

    let viewer = app::store::users::current_user(&c.pool, c.rep)
        .await
        .unwrap()
        .unwrap();
    let board = app::store::leads::board(&c.pool, &viewer, false, Default::default(), now())
        .await
        .unwrap();
    let ids: Vec<_> = board.alerting.rows.iter().map(|r| r.contact_id).collect();
    assert_eq!(
        ids,
        vec![waiting],
        "a reply still within its SLA is no alert yet"
    );
    let alert = &board.alerting.rows[0].alerts[0];
    assert_eq!(alert.alert, AlertId::UnansweredReply);
    assert!(
        alert.message.starts_with("Reply by email"),
        "{}",
        alert.message
    );
    assert_eq!(board.alerting.total, 1);
}

#[tokio::test]
async fn the_start_page_lists_only_the_viewers_own_contacts_that_wait() {
    let c = company().await;
    let replied = now() - TimeDelta::days(6);
    let mut contacts = Vec::new();
    for name in ["Theirs", "Colleagues", "Nobodys"] {
        let id = c.contact(name).await;
        ingest_interaction(
            &c.pool,
            id,
            InteractionKind::Reply,
            Channel::Email,
            replied,
            None,
            replied,
        )
        .await
        .unwrap();
        contacts.push(id);
    }
    let claimed = now() - TimeDelta::days(5);
    for (contact, who) in [(contacts[0], c.rep), (contacts[1], c.rep2)] {
        app::store::claims::claim(&c.pool, contact, who, app::domain::role::Role::Rep, claimed)
            .await
            .unwrap();
    }

    for (who, theirs) in [(c.rep, contacts[0]), (c.rep2, contacts[1])] {
        let attention = app::store::workspace::attention(&c.pool, who, now())
            .await
            .unwrap();
        let ids: Vec<_> = attention.alerting.iter().map(|r| r.contact_id).collect();
        assert_eq!(
            ids,
            vec![theirs],
            "only the viewer's own claim waits on them"
        );
        assert_eq!(attention.alerting_total, 1);
        assert_eq!(attention.lapsing_within_days, 3);
    }
}
