//! The past is not a planning target: planning, moving and approving a touch for a time that
//! has passed is refused and changes nothing; a next allowed time is never offered in the past.

use super::fixtures::{company, day, now};
use crate::helpers::schedule;
use app::domain::planning_time::InThePast;
use app::domain::review::{ReviewDecision, ReviewError};
use app::domain::role::Role;
use app::domain::{TouchChangeError, TouchStatus};
use app::store::reviews::review;
use app::store::touches::{check, reschedule, ScheduleError};
use chrono::TimeDelta;

#[tokio::test]
async fn a_touch_is_not_planned_or_moved_into_the_past() {
    let company = company().await;
    let contact = company.contact("Pat").await;
    let yesterday = now() - TimeDelta::days(1);
    let refused = schedule(&company.pool, &company.email(contact, yesterday), now()).await;
    assert_eq!(
        refused.unwrap_err().refusal(),
        Some(ScheduleError::InThePast(InThePast))
    );
    assert_eq!(company.count("SELECT COUNT(*) FROM touches").await, 0);

    // A minute ago is "now" to a form that asks to the minute.
    let just_now = now() - TimeDelta::minutes(1);
    let planned = schedule(&company.pool, &company.email(contact, just_now), now())
        .await
        .unwrap()
        .touch;
    let moved = reschedule(
        &company.pool,
        planned.id,
        planned.version,
        yesterday,
        company.actor(company.marketer),
        now(),
    )
    .await;
    assert_eq!(
        moved.unwrap_err().refusal(),
        Some(TouchChangeError::InThePast(InThePast))
    );
    let kept: i64 = company
        .count(&format!(
            "SELECT scheduled_at FROM touches WHERE id = {}",
            planned.id.0
        ))
        .await;
    assert_eq!(
        kept,
        just_now.timestamp(),
        "the failed move changed nothing"
    );
}

#[tokio::test]
async fn a_touch_whose_time_passed_is_not_approved_but_may_be_rejected() {
    let company = company().await;
    let contact = company.contact("Quin").await;
    let at = day() + TimeDelta::hours(14);
    schedule(&company.pool, &company.email(contact, at), now())
        .await
        .unwrap();
    let close = company.email(contact, at + TimeDelta::hours(1));
    let first = schedule(&company.pool, &close, now()).await.unwrap().touch;
    let second = schedule(&company.pool, &close, now()).await.unwrap().touch;
    assert_eq!(first.status, TouchStatus::PendingReview);

    let next_week = at + TimeDelta::days(7);
    let decide = |id, decision| {
        review(
            &company.pool,
            id,
            company.manager,
            Role::Manager,
            decision,
            "reviewed late",
            next_week,
        )
    };
    let approval = decide(first.id, ReviewDecision::Approve).await;
    assert_eq!(approval.unwrap_err().refusal(), Some(ReviewError::Passed));
    let status: i64 = company
        .count(&format!(
            "SELECT COUNT(*) FROM touches WHERE id = {} AND status = 'pending_review'",
            first.id.0
        ))
        .await;
    assert_eq!(status, 1, "the refused approval changed nothing");
    let rejected = decide(second.id, ReviewDecision::Reject).await.unwrap();
    assert_eq!(rejected.status, TouchStatus::Cancelled);
    assert_eq!(company.audited("review.approve").await, 0);
}

#[tokio::test]
async fn the_next_allowed_time_is_never_offered_in_the_past() {
    let company = company().await;
    let contact = company.contact("Ray").await;
    let rules = app::store::rules::current_rules(&company.pool)
        .await
        .unwrap();
    let reader = app::store::reader::Reader::new(&company.pool, &company.app.db);
    // Asked about an hour ago (as a sender may ask about a touch that was due): nothing
    // blocks, but the answer is now, not the hour that has passed.
    let asked = company.email(contact, now() - TimeDelta::hours(1));
    let checked = check(&reader, &rules, contact, &asked.proposed, now(), None)
        .await
        .unwrap();
    assert_eq!(checked.next_allowed_at, Some(now()));
}
