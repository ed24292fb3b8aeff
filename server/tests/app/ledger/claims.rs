//! Claims: granted, renewed by the owner's touches, requested when owned, reassigned, lapsed.

use super::fixtures::{company, now};
use crate::helpers::schedule;
use app::domain::role::Role;
use app::domain::{ClaimError, Purpose};
use app::store::claims::{claim, lapse_expired, open_requests, owner_of, reassign, release};
use app::store::contacts::get_contact;
use chrono::{TimeDelta, Utc};

#[tokio::test]
async fn a_claim_lapses_and_the_contact_returns_to_the_unowned_pool() {
    let company = company().await;
    let contact = company.contact("Jo").await;
    let granted = claim(&company.pool, contact, company.rep, Role::Rep, now())
        .await
        .unwrap();
    assert_eq!(granted.owner_id, company.rep);
    assert_eq!(granted.expires_at, now() + TimeDelta::days(14));
    let owner = get_contact(&company.pool, contact, now())
        .await
        .unwrap()
        .unwrap()
        .owner;
    assert_eq!(owner.map(|o| o.user_id), Some(company.rep));

    // Fifteen days later with no outbound work: no owner on read, before any job ran.
    let later = now() + TimeDelta::days(15);
    assert_eq!(owner_of(&company.pool, contact, later).await.unwrap(), None);
    let contact_then = get_contact(&company.pool, contact, later)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(contact_then.owner, None);
    let open = "SELECT COUNT(*) FROM claims WHERE ended_at IS NULL";
    assert_eq!(company.count(open).await, 1);

    // The lapse job makes it official, once.
    assert_eq!(lapse_expired(&company.pool, later).await.unwrap(), 1);
    assert_eq!(lapse_expired(&company.pool, later).await.unwrap(), 0);
    assert_eq!(company.count(open).await, 0);
    assert_eq!(company.audited("claim.lapsed").await, 1);
    let unowned = "SELECT COUNT(*) FROM contacts c WHERE NOT EXISTS
        (SELECT 1 FROM claims cl WHERE cl.contact_id = c.id AND cl.ended_at IS NULL)";
    assert_eq!(company.count(unowned).await, 1);

    // Another rep can now claim it.
    let again = claim(&company.pool, contact, company.rep2, Role::Rep, later)
        .await
        .unwrap();
    assert_eq!(again.owner_id, company.rep2);
}

#[tokio::test]
async fn the_server_job_ends_claims_that_lapsed() {
    let company = company().await;
    let contact = company.contact("Kit").await;
    let long_ago = Utc::now() - TimeDelta::days(20);
    claim(&company.pool, contact, company.rep, Role::Rep, long_ago)
        .await
        .unwrap();
    let ended = server::jobs::lapse_claims::run_once(&company.pool)
        .await
        .unwrap();
    assert_eq!(ended, 1);
    let lapsed = "SELECT COUNT(*) FROM claims WHERE end_reason = 'lapsed'";
    assert_eq!(company.count(lapsed).await, 1);
}

#[tokio::test]
async fn the_owners_planned_touch_renews_the_claim() {
    let company = company().await;
    let contact = company.contact("Lou").await;
    claim(&company.pool, contact, company.rep, Role::Rep, now())
        .await
        .unwrap();
    let five_days_on = now() + TimeDelta::days(5);
    let at = five_days_on + TimeDelta::days(1) + TimeDelta::hours(15);
    let touch = company.touch(contact, company.rep, Purpose::SalesFollowup, at);
    schedule(&company.pool, &touch, five_days_on).await.unwrap();
    let owner = owner_of(&company.pool, contact, now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(owner.expires_at, five_days_on + TimeDelta::days(14));
    // Someone else's touch renews nothing.
    let other = company.email(contact, at + TimeDelta::hours(5));
    schedule(&company.pool, &other, five_days_on + TimeDelta::days(1))
        .await
        .unwrap();
    let owner = owner_of(&company.pool, contact, now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(owner.expires_at, five_days_on + TimeDelta::days(14));
}

#[tokio::test]
async fn a_second_reps_claim_becomes_a_claim_request() {
    let company = company().await;
    let contact = company.contact("Mo").await;
    claim(&company.pool, contact, company.rep, Role::Rep, now())
        .await
        .unwrap();
    let refused = claim(&company.pool, contact, company.rep2, Role::Rep, now())
        .await
        .unwrap_err()
        .refusal()
        .unwrap();
    let ClaimError::AlreadyOwned { owner, request } = refused else {
        panic!("expected AlreadyOwned, got {refused:?}");
    };
    assert_eq!(owner, company.rep);
    let requests = open_requests(&company.pool).await.unwrap();
    assert_eq!(requests.len(), 1);
    assert_eq!(Some(requests[0].id), request);
    assert_eq!(requests[0].requester_id, company.rep2);
    assert_eq!(requests[0].contact_id, contact);
    assert_eq!(company.audited("claim.requested").await, 1);
    let owner = owner_of(&company.pool, contact, now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(owner.owner, company.rep);

    // A rep may not release someone else's claim; a manager reassigns with a reason.
    let not_owner = release(&company.pool, contact, company.rep2, Role::Rep, now()).await;
    assert_eq!(not_owner.unwrap_err().refusal(), Some(ClaimError::NotOwner));
    let no_reason = reassign(
        &company.pool,
        contact,
        company.rep2,
        company.manager,
        Role::Manager,
        " ",
        now(),
    )
    .await;
    assert_eq!(
        no_reason.unwrap_err().refusal(),
        Some(ClaimError::ReasonRequired)
    );
    let granted = reassign(
        &company.pool,
        contact,
        company.rep2,
        company.manager,
        Role::Manager,
        "Rex is on leave",
        now(),
    )
    .await
    .unwrap();
    assert_eq!(granted.owner_id, company.rep2);
    assert!(open_requests(&company.pool).await.unwrap().is_empty());
    assert_eq!(company.audited("claim.reassigned").await, 1);

    release(&company.pool, contact, company.rep2, Role::Rep, now())
        .await
        .unwrap();
    assert_eq!(owner_of(&company.pool, contact, now()).await.unwrap(), None);
}
