//! The audit trail read back: one contact's or everyone's, newest first, a page at a time; and
//! the review queue's pending touches with their stored conflicts.

use crate::helpers::schedule;
use crate::ledger::fixtures::{company, day, now};
use app::domain::review::ReviewDecision;
use app::domain::role::Role;
use app::domain::{RuleId, TouchStatus};
use app::store::audit_trail::trail;
use app::store::review_queue::pending_touches;
use app::store::reviews::review;
use chrono::TimeDelta;

#[tokio::test]
async fn a_decision_is_on_the_contacts_trail_newest_first() {
    let c = company().await;
    let contact = c.contact("Ned").await;
    let other = c.contact("Other").await;
    let at = day() + TimeDelta::hours(14);
    schedule(&c.pool, &c.email(contact, at), now())
        .await
        .unwrap();
    schedule(&c.pool, &c.email(other, at), now()).await.unwrap();
    let close = c.email(contact, at + TimeDelta::hours(1));
    let blocked = schedule(&c.pool, &close, now()).await.unwrap().touch;
    assert_eq!(blocked.status, TouchStatus::PendingReview);

    let (pending, total) = pending_touches(&c.pool, &Default::default(), 10, 0, now())
        .await
        .unwrap();
    assert_eq!(total, 1);
    assert_eq!(pending[0].id, blocked.id);
    assert_eq!(pending[0].contact_name, "Ned");
    assert_eq!(pending[0].author, "mia");
    assert!(pending[0]
        .conflicts
        .iter()
        .any(|k| k.rule == RuleId::MinGap));

    let later = now() + TimeDelta::minutes(5);
    review(
        &c.pool,
        blocked.id,
        c.manager,
        Role::Manager,
        ReviewDecision::Approve,
        "Launch day",
        later,
    )
    .await
    .unwrap();
    assert_eq!(
        pending_touches(&c.pool, &Default::default(), 10, 0, now())
            .await
            .unwrap()
            .1,
        0
    );

    let (rows, more) = trail(&c.pool, Some(contact), 1, 50).await.unwrap();
    assert!(!more);
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "review.approve",
            "touch.pending_review",
            "touch.planned",
            "contact.created"
        ]
    );
    assert_eq!(rows[0].actor.as_deref(), Some("max"));
    assert_eq!(rows[0].details["reason"], "Launch day");
    assert_eq!(rows[0].details["overridden_rules"][0], "min_gap");
    assert_eq!(rows[0].contact.as_ref().unwrap().1, "Ned");

    let (first, more) = trail(&c.pool, None, 1, 3).await.unwrap();
    assert!(more);
    assert_eq!(first[0].action, "review.approve");
    let (second, _) = trail(&c.pool, None, 2, 3).await.unwrap();
    assert!(
        second.iter().all(|r| first.iter().all(|f| f.id != r.id)),
        "pages do not overlap"
    );
    assert!(second
        .iter()
        .any(|r| r.contact.as_ref().map(|c| c.0) == Some(other)));
}
