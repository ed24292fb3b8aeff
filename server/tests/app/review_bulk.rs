//! The review queue filtered to one campaign, and a manager deciding the campaign's touches
//! awaiting review together with one reason.

use crate::campaigns::{campaign, setup};
use crate::ledger::fixtures::{now, Company};
use app::domain::ids::CampaignId;
use app::domain::review::ReviewDecision;
use app::domain::role::Role;
use app::domain::{Channel, OnConflict, Stage};
use app::models::review_queue::{CampaignChoice, PendingFilter};
use app::store::campaigns::create_campaign;
use app::store::review_queue::{pending_groups, pending_touches};
use app::store::reviews_bulk::review_campaign;

/// A campaign to the two prospects whose touches a rule sends to review.
async fn two_awaiting_review(c: &Company) -> CampaignId {
    let mut new = campaign(c, OnConflict::Review);
    new.audience.stages = vec![Stage::Prospect];
    let created = create_campaign(&c.pool, &new, now()).await.unwrap();
    assert_eq!(created.pending_review, 2);
    created.id
}

#[tokio::test]
async fn a_manager_rejects_a_campaign_s_touches_awaiting_review_together() {
    let s = setup().await;
    let c = &s.company;
    let campaign_id = two_awaiting_review(c).await;

    let only = |campaign| PendingFilter {
        channel: None,
        campaign: Some(campaign),
    };
    let (listed, total) = pending_touches(
        &c.pool,
        &only(CampaignChoice::Only(campaign_id)),
        50,
        0,
        now(),
    )
    .await
    .unwrap();
    assert_eq!(total, 2);
    assert!(listed
        .iter()
        .all(|t| t.campaign.as_ref().map(|(id, _)| *id) == Some(campaign_id)));
    let (_, one_off) = pending_touches(&c.pool, &only(CampaignChoice::OneOff), 50, 0, now())
        .await
        .unwrap();
    assert_eq!(one_off, 0);
    let by_sms = PendingFilter {
        channel: Some(Channel::Sms),
        campaign: None,
    };
    assert_eq!(
        pending_touches(&c.pool, &by_sms, 50, 0, now())
            .await
            .unwrap()
            .1,
        0
    );
    let groups = pending_groups(&c.pool).await.unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(
        groups[0].campaign.as_ref().map(|(id, _)| *id),
        Some(campaign_id)
    );
    assert_eq!(groups[0].count, 2);

    // A rep may not decide them: each is refused and none changes.
    let refused = review_campaign(
        &c.pool,
        campaign_id,
        c.rep,
        Role::Rep,
        ReviewDecision::Reject,
        "Too much",
        now(),
    )
    .await
    .unwrap();
    assert_eq!((refused.decided, refused.refused.len()), (0, 2));
    assert!(
        refused.refused[0].1.contains("may not review"),
        "{refused:?}"
    );

    let outcome = review_campaign(
        &c.pool,
        campaign_id,
        c.manager,
        Role::Manager,
        ReviewDecision::Reject,
        "Too much mail to them this week",
        now(),
    )
    .await
    .unwrap();
    assert_eq!((outcome.decided, outcome.refused.len()), (2, 0));
    assert_eq!(
        pending_touches(&c.pool, &PendingFilter::default(), 50, 0, now())
            .await
            .unwrap()
            .1,
        0
    );
    assert_eq!(c.audited("review.reject").await, 2);
    let reasons = "SELECT COUNT(*) FROM reviews WHERE reason = 'Too much mail to them this week'";
    assert_eq!(c.count(reasons).await, 2);
}

#[tokio::test]
async fn a_touch_whose_time_has_passed_is_listed_as_no_longer_approvable() {
    let s = setup().await;
    two_awaiting_review(&s.company).await;
    let c = &s.company;
    let all = PendingFilter::default();
    let (listed, _) = pending_touches(&c.pool, &all, 50, 0, now()).await.unwrap();
    assert!(listed.iter().all(|t| t.approvable), "{listed:?}");
    let later = listed.iter().map(|t| t.scheduled_at).max().unwrap() + chrono::Duration::hours(1);
    let (listed, _) = pending_touches(&c.pool, &all, 50, 0, later).await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|t| !t.approvable), "{listed:?}");
}
