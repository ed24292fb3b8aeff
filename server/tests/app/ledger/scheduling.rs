//! Atomic scheduling: 32 writers racing for one contact's daily cap; stale reschedules refused.

use super::fixtures::{company, day, now};
use crate::helpers::schedule;
use app::domain::ids::TouchId;
use app::domain::{RuleId, TouchChangeError, TouchStatus};
use app::store::touches::{cancel, check, get_touch, list_touches, reschedule, TouchFilter};
use chrono::TimeDelta;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_two_writers_on_one_contact_get_exactly_the_daily_cap() {
    let company = company().await;
    let contact = company.contact("Dana").await;
    // Four pools, as if four server processes shared the file.
    let mut pools = Vec::new();
    for _ in 0..4 {
        pools.push(app::store::open(&company.app.db).await.unwrap());
    }
    let mut writers = Vec::new();
    for i in 0..32 {
        let pool = pools[i % 4].clone();
        // Between 08:00 and 18:20 on one day: all inside one 24 h window, and some pairs
        // at least the 4 h minimum gap apart.
        let at = day() + TimeDelta::hours(8) + TimeDelta::minutes(20 * i as i64);
        let touch = company.email(contact, at);
        writers.push(tokio::spawn(async move {
            schedule(&pool, &touch, now()).await.unwrap()
        }));
    }
    let mut planned = 0;
    let mut pending = 0;
    for writer in writers {
        let scheduled = writer.await.unwrap();
        match scheduled.touch.status {
            TouchStatus::Planned => {
                planned += 1;
                assert!(scheduled.conflicts.is_empty());
            }
            TouchStatus::PendingReview => {
                pending += 1;
                let rules: Vec<_> = scheduled.conflicts.iter().map(|c| c.rule).collect();
                assert!(
                    rules.contains(&RuleId::DailyCap) || rules.contains(&RuleId::MinGap),
                    "{rules:?}"
                );
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!((planned, pending), (2, 30));
    let stored = "SELECT COUNT(*) FROM touches WHERE status = 'planned'";
    assert_eq!(company.count(stored).await, 2);
    assert_eq!(company.audited("touch.planned").await, 2);
    assert_eq!(company.audited("touch.pending_review").await, 30);
    let filter = TouchFilter {
        from: day(),
        to: day() + TimeDelta::days(1),
        team: Some(company.team),
        channel: None,
        status: Some(TouchStatus::Planned),
        owner: None,
        limit: 100,
    };
    let listed = list_touches(&company.pool, &filter).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed[0].scheduled_at + TimeDelta::hours(4) <= listed[1].scheduled_at);
}

#[tokio::test]
async fn a_stale_reschedule_is_refused_and_changes_nothing() {
    let company = company().await;
    let contact = company.contact("Eli").await;
    let nine = day() + TimeDelta::hours(14);
    let first = schedule(&company.pool, &company.email(contact, nine), now())
        .await
        .unwrap();
    let id = first.touch.id;
    assert_eq!(first.touch.version, 1);
    let later = nine + TimeDelta::hours(2);
    let moved = reschedule(
        &company.pool,
        id,
        1,
        later,
        company.actor(company.marketer),
        now(),
    )
    .await
    .unwrap();
    assert_eq!((moved.touch.version, moved.touch.scheduled_at), (2, later));

    let stale = reschedule(
        &company.pool,
        id,
        1,
        nine,
        company.actor(company.marketer),
        now(),
    )
    .await;
    assert_eq!(
        stale.unwrap_err().refusal(),
        Some(TouchChangeError::StaleVersion { current: 2 })
    );
    let stale_cancel = cancel(&company.pool, id, 1, company.actor(company.marketer), now()).await;
    assert_eq!(
        stale_cancel.unwrap_err().refusal(),
        Some(TouchChangeError::StaleVersion { current: 2 })
    );
    let stored = get_touch(&company.pool, id).await.unwrap().unwrap();
    assert_eq!(stored.scheduled_at, later);
    assert_eq!(stored.version, 2);
    assert_eq!(stored.status, TouchStatus::Planned);
    assert_eq!(company.audited("touch.rescheduled").await, 1);
    assert_eq!(company.audited("touch.cancelled").await, 0);

    let cancelled = cancel(&company.pool, id, 2, company.actor(company.marketer), now())
        .await
        .unwrap();
    assert_eq!(
        (cancelled.status, cancelled.version),
        (TouchStatus::Cancelled, 3)
    );
    let missing = reschedule(
        &company.pool,
        TouchId(999),
        1,
        nine,
        company.actor(company.marketer),
        now(),
    )
    .await;
    assert_eq!(
        missing.unwrap_err().refusal(),
        Some(TouchChangeError::NotFound)
    );
}

#[tokio::test]
async fn a_reschedule_is_rechecked_and_a_dry_run_stores_nothing() {
    let company = company().await;
    let contact = company.contact("Fay").await;
    let ten = day() + TimeDelta::hours(15);
    schedule(&company.pool, &company.email(contact, ten), now())
        .await
        .unwrap();
    let second = schedule(
        &company.pool,
        &company.email(contact, ten + TimeDelta::hours(6)),
        now(),
    )
    .await
    .unwrap();
    assert_eq!(second.touch.status, TouchStatus::Planned);
    // Moved an hour after the first: the minimum gap now blocks it.
    let close = ten + TimeDelta::hours(1);
    let moved = reschedule(
        &company.pool,
        second.touch.id,
        1,
        close,
        company.actor(company.marketer),
        now(),
    )
    .await
    .unwrap();
    assert_eq!(moved.touch.status, TouchStatus::PendingReview);
    assert_eq!(moved.conflicts[0].rule, RuleId::MinGap);

    let before = company.count("SELECT COUNT(*) FROM touches").await;
    let probe = company.email(contact, close);
    let rules = app::store::rules::current_rules(&company.pool)
        .await
        .unwrap();
    let reader = app::store::reader::Reader::new(&company.pool, &company.app.db);
    let checked = check(&reader, &rules, contact, &probe.proposed, now(), None)
        .await
        .unwrap();
    assert_eq!(checked.decision, app::domain::Decision::Block);
    assert_eq!(checked.conflicts[0].rule, RuleId::MinGap);
    assert_eq!(checked.next_allowed_at, Some(ten + TimeDelta::hours(4)));
    assert_eq!(company.count("SELECT COUNT(*) FROM touches").await, before);
}

#[tokio::test]
async fn only_the_author_or_a_manager_moves_or_cancels_a_touch() {
    let company = company().await;
    let contact = company.contact("Gil").await;
    let at = day() + TimeDelta::hours(15);
    let planned = schedule(&company.pool, &company.email(contact, at), now())
        .await
        .unwrap();
    let id = planned.touch.id;
    let rep = company.actor(company.rep);
    let cancelled = cancel(&company.pool, id, 1, rep, now()).await;
    assert!(
        matches!(
            cancelled.unwrap_err().refusal(),
            Some(TouchChangeError::Forbidden(_))
        ),
        "a rep may not cancel the marketer's touch"
    );
    let later = at + TimeDelta::hours(5);
    let moved = reschedule(&company.pool, id, 1, later, rep, now()).await;
    assert!(matches!(
        moved.unwrap_err().refusal(),
        Some(TouchChangeError::Forbidden(_))
    ));
    let unchanged = "SELECT COUNT(*) FROM touches WHERE version = 1 AND status = 'planned'";
    assert_eq!(company.count(unchanged).await, 1, "nothing changed");
    let manager = company.actor(company.manager);
    let cancelled = cancel(&company.pool, id, 1, manager, now()).await.unwrap();
    assert_eq!(cancelled.status, TouchStatus::Cancelled);
}

#[tokio::test]
async fn the_scheduled_touch_answered_is_the_touch_stored() {
    let company = company().await;
    let contact = company.contact("Fay").await;
    let at = day() + TimeDelta::hours(14);
    let first = schedule(&company.pool, &company.email(contact, at), now())
        .await
        .unwrap();
    let crowded = company.email(contact, at + TimeDelta::minutes(20));
    let second = schedule(&company.pool, &crowded, now()).await.unwrap();
    assert!(
        !second.conflicts.is_empty(),
        "a touch 20 minutes later conflicts"
    );
    for scheduled in [first, second] {
        let stored = get_touch(&company.pool, scheduled.touch.id).await.unwrap();
        assert_eq!(Some(scheduled.touch), stored);
    }
}
