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
    let all = app::models::review_queue::PendingFilter::default();
    let page =
        |offset| app::store::review_queue::pending_touches(&company.pool, &all, 1, offset, now());
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

#[tokio::test]
async fn a_reviewer_reads_a_touch_s_conflicts_in_their_own_zone() {
    let company = company().await;
    let contact = company.contact("Ona").await; // in New York
    let at = day() + TimeDelta::hours(14); // 09:00 in New York, 19:30 in Kolkata
    schedule(&company.pool, &company.email(contact, at), now())
        .await
        .unwrap();
    let close = company.email(contact, at + TimeDelta::hours(1));
    let pending = schedule(&company.pool, &close, now()).await.unwrap().touch;
    assert_eq!(pending.status, TouchStatus::PendingReview);
    let stored = pending
        .conflicts
        .iter()
        .map(|c| c.message.clone())
        .collect::<Vec<_>>()
        .join(" | ");
    assert!(stored.contains("09:00"), "{stored}");

    let kolkata = app::domain::TimeZone::parse("Asia/Kolkata").unwrap();
    let rules = app::store::rules::current_rules(&company.pool)
        .await
        .unwrap();
    let reader = app::store::reader::Reader::Pool(company.pool.clone());
    let again = app::store::touches::explain_again(
        &company.pool,
        &reader,
        &rules,
        pending.id,
        now(),
        kolkata,
    )
    .await
    .unwrap()
    .expect("the touch and its contact exist");
    let rules_now: Vec<_> = again.iter().map(|c| c.rule).collect();
    let rules_then: Vec<_> = pending.conflicts.iter().map(|c| c.rule).collect();
    assert_eq!(rules_now, rules_then, "the same conflicts");
    let read = again
        .iter()
        .map(|c| c.message.clone())
        .collect::<Vec<_>>()
        .join(" | ");
    assert!(read.contains("19:30"), "{read}");
    assert!(!read.contains("09:00"), "{read}");
}
