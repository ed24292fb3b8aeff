//! Claim requests in the review queue: listed with names, granted (the contact changes hands) or
//! declined (the owner keeps it), each once, with its audit row.

use crate::ledger::fixtures::{company, now};
use app::domain::role::Role;
use app::domain::ClaimError;
use app::store::claims::{claim, decline, grant, open_requests_named, owner_of};
use chrono::TimeDelta;

#[tokio::test]
async fn a_request_is_listed_then_granted_to_the_requester() {
    let c = company().await;
    let contact = c.contact("Wanted").await;
    claim(&c.pool, contact, c.rep, Role::Rep, now())
        .await
        .unwrap();
    claim(&c.pool, contact, c.rep2, Role::Rep, now())
        .await
        .unwrap_err();

    let open = open_requests_named(&c.pool, now()).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].contact_name, "Wanted");
    assert_eq!(open[0].requester, "rita");
    assert_eq!(open[0].owner.as_deref(), Some("rex"));

    let by_rep = grant(&c.pool, open[0].id, c.rep, Role::Rep, "mine now", now()).await;
    assert_eq!(
        by_rep.unwrap_err().refusal(),
        Some(ClaimError::RoleNotAllowed(Role::Rep))
    );
    let blank = grant(&c.pool, open[0].id, c.manager, Role::Manager, " ", now()).await;
    assert_eq!(
        blank.unwrap_err().refusal(),
        Some(ClaimError::ReasonRequired)
    );

    let later = now() + TimeDelta::hours(1);
    grant(
        &c.pool,
        open[0].id,
        c.manager,
        Role::Manager,
        "Rita met them",
        later,
    )
    .await
    .unwrap();
    let owner = owner_of(&c.pool, contact, later).await.unwrap().unwrap();
    assert_eq!(owner.owner, c.rep2);
    assert!(open_requests_named(&c.pool, later)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(c.audited("claim.reassigned").await, 1);
    let again = grant(
        &c.pool,
        open[0].id,
        c.manager,
        Role::Manager,
        "twice",
        later,
    )
    .await;
    assert_eq!(
        again.unwrap_err().refusal(),
        Some(ClaimError::RequestNotFound)
    );
}

#[tokio::test]
async fn a_declined_request_leaves_the_owner_and_is_audited() {
    let c = company().await;
    let contact = c.contact("Kept").await;
    claim(&c.pool, contact, c.rep, Role::Rep, now())
        .await
        .unwrap();
    claim(&c.pool, contact, c.rep2, Role::Rep, now())
        .await
        .unwrap_err();
    let request = open_requests_named(&c.pool, now()).await.unwrap()[0].id;

    let blank = decline(&c.pool, request, c.manager, Role::Manager, "", now()).await;
    assert_eq!(
        blank.unwrap_err().refusal(),
        Some(ClaimError::ReasonRequired)
    );
    let by_marketer = decline(&c.pool, request, c.marketer, Role::Marketer, "no", now()).await;
    assert_eq!(
        by_marketer.unwrap_err().refusal(),
        Some(ClaimError::RoleNotAllowed(Role::Marketer))
    );

    decline(
        &c.pool,
        request,
        c.manager,
        Role::Manager,
        "Rex is mid-deal",
        now(),
    )
    .await
    .unwrap();
    assert!(open_requests_named(&c.pool, now())
        .await
        .unwrap()
        .is_empty());
    let owner = owner_of(&c.pool, contact, now()).await.unwrap().unwrap();
    assert_eq!(owner.owner, c.rep);
    assert_eq!(c.audited("claim.request_declined").await, 1);
    let denied = "SELECT COUNT(*) FROM claim_requests WHERE status = 'denied'
                  AND reason = 'Rex is mid-deal'";
    assert_eq!(c.count(denied).await, 1);
}
