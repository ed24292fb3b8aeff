//! Campaigns as things: the list (newest first, paged), one campaign with its per-status counts
//! and its recipients by name, and cancelling a whole campaign (its author or a manager).

use crate::campaigns::{campaign, setup};
use crate::ledger::fixtures::now;
use app::domain::ids::CampaignId;
use app::domain::{OnConflict, Stage, TouchStatus};
use app::store::campaigns::{
    campaign_recipients, cancel_campaign, create_campaign, get_campaign, list_campaigns,
    CancelCampaignError,
};

#[tokio::test]
async fn campaigns_are_listed_counted_and_cancelled_as_a_whole() {
    let s = setup().await;
    let c = &s.company;
    let mut new = campaign(c, OnConflict::Review);
    new.audience.stages = vec![Stage::Prospect];
    let first = create_campaign(&c.pool, &new, now()).await.unwrap();
    new.title = "Autumn newsletter".into();
    new.on_conflict = OnConflict::Exclude;
    let second = create_campaign(&c.pool, &new, now()).await.unwrap();

    let listed = list_campaigns(&c.pool, 50, None).await.unwrap();
    let titles: Vec<&str> = listed.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Autumn newsletter", "Spring newsletter"],
        "newest first"
    );
    let older = list_campaigns(&c.pool, 1, Some(second.id)).await.unwrap();
    assert_eq!(older.len(), 1);
    assert_eq!(older[0].id, first.id);

    let spring = get_campaign(&c.pool, first.id).await.unwrap().unwrap();
    assert_eq!(spring.author, "mia");
    assert_eq!(spring.team, "Inside sales");
    assert_eq!(spring.count(TouchStatus::Planned), 2);
    assert_eq!(spring.count(TouchStatus::PendingReview), 2);
    assert_eq!(spring.recipients(), 4);
    let names: Vec<String> = campaign_recipients(&c.pool, first.id, 50, 0)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, ["Ann", "Bob", "Cid", "Dee"]);
    let page_two = campaign_recipients(&c.pool, first.id, 3, 3).await.unwrap();
    assert_eq!(page_two.len(), 1);
    assert!(get_campaign(&c.pool, CampaignId(999))
        .await
        .unwrap()
        .is_none());

    let by_rep = cancel_campaign(&c.pool, first.id, c.actor(c.rep), now()).await;
    assert!(matches!(
        by_rep.unwrap_err().refusal(),
        Some(CancelCampaignError::Forbidden(_))
    ));
    let announced = spring.not_gone_out();
    let cancelled = cancel_campaign(&c.pool, first.id, c.actor(c.marketer), now())
        .await
        .unwrap();
    assert_eq!(cancelled, 4);
    assert_eq!(
        cancelled, announced,
        "the page asks about what is cancelled"
    );
    let spring = get_campaign(&c.pool, first.id).await.unwrap().unwrap();
    assert_eq!(spring.status, "cancelled");
    assert_eq!(spring.count(TouchStatus::Cancelled), 4);
    let again = cancel_campaign(&c.pool, first.id, c.actor(c.manager), now()).await;
    assert_eq!(
        again.unwrap_err().refusal(),
        Some(CancelCampaignError::AlreadyCancelled)
    );
    assert_eq!(c.audited("campaign.cancelled").await, 1);
    let autumn = get_campaign(&c.pool, second.id).await.unwrap().unwrap();
    assert_eq!(
        autumn.count(TouchStatus::Cancelled),
        0,
        "the other campaign is untouched"
    );
}
