//! Reviews: an approval and a rejection land in `reviews` and in the audit log.

use super::fixtures::{company, day, now};
use crate::helpers::schedule;
use app::domain::review::{ReviewDecision, ReviewError};
use app::domain::role::Role;
use app::domain::TouchStatus;
use app::store::db;
use app::store::reviews::review;
use chrono::TimeDelta;

#[tokio::test]
async fn an_approval_and_a_rejection_land_in_the_audit_log() {
    let company = company().await;
    let contact = company.contact("Ned").await;
    let at = day() + TimeDelta::hours(14);
    schedule(&company.pool, &company.email(contact, at), now())
        .await
        .unwrap();
    let close = company.email(contact, at + TimeDelta::hours(1));
    let first = schedule(&company.pool, &close, now()).await.unwrap().touch;
    let second = schedule(&company.pool, &close, now()).await.unwrap().touch;
    assert_eq!(first.status, TouchStatus::PendingReview);
    assert_eq!(second.status, TouchStatus::PendingReview);

    // The queue comes a page at a time: the first, then the second, and the total each time.
    let page = |offset| app::store::review_queue::pending_touches(&company.pool, 1, offset);
    let (one, total) = page(0).await.unwrap();
    let (two, _) = page(1).await.unwrap();
    let (none, _) = page(2).await.unwrap();
    assert_eq!(total, 2);
    assert_eq!((one[0].id, two[0].id), (first.id, second.id));
    assert!(none.is_empty());

    let by_rep = review(
        &company.pool,
        first.id,
        company.rep,
        Role::Rep,
        ReviewDecision::Approve,
        "please",
        now(),
    )
    .await;
    assert_eq!(
        by_rep.unwrap_err().refusal(),
        Some(ReviewError::RoleNotAllowed(Role::Rep))
    );

    let approved = review(
        &company.pool,
        first.id,
        company.manager,
        Role::Manager,
        ReviewDecision::Approve,
        "launch day",
        now(),
    )
    .await
    .unwrap();
    assert_eq!(
        (approved.status, approved.version),
        (TouchStatus::Approved, 2)
    );
    let rejected = review(
        &company.pool,
        second.id,
        company.manager,
        Role::Manager,
        ReviewDecision::Reject,
        "one is enough",
        now(),
    )
    .await
    .unwrap();
    assert_eq!(rejected.status, TouchStatus::Cancelled);

    assert_eq!(company.audited("review.approve").await, 1);
    assert_eq!(company.audited("review.reject").await, 1);
    let rows = db::query_as::<(i64, String, String, String)>(
        "SELECT touch_id, decision, reason, overridden_rules FROM reviews ORDER BY id",
    )
    .fetch_all(&company.pool)
    .await
    .unwrap();
    assert_eq!(
        rows,
        vec![
            (
                first.id.0,
                "approve".into(),
                "launch day".into(),
                "[\"min_gap\"]".into()
            ),
            (
                second.id.0,
                "reject".into(),
                "one is enough".into(),
                "[]".into()
            ),
        ]
    );
    let again = review(
        &company.pool,
        first.id,
        company.manager,
        Role::Manager,
        ReviewDecision::Reject,
        "changed my mind",
        now(),
    )
    .await;
    assert_eq!(
        again.unwrap_err().refusal(),
        Some(ReviewError::NotPending(TouchStatus::Approved))
    );
}
