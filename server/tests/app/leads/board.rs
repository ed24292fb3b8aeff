//! The board's sections: hot unowned leads, my contacts, lapsing claims, requests filed.

use crate::ledger::fixtures::{company, now, Company};
use app::domain::ids::{ContactId, UserId};
use app::domain::role::Role;
use app::domain::{Channel, InteractionKind};
use app::models::leads::{BoardPages, LeadsBoard};
use app::store::claims::claim;
use app::store::events::ingest_interaction;
use chrono::{DateTime, TimeDelta, Utc};

async fn inbound(c: &Company, contact: ContactId, kind: InteractionKind, days_ago: i64) {
    let at = now() - TimeDelta::days(days_ago);
    ingest_interaction(&c.pool, contact, kind, Channel::Email, at, None, at)
        .await
        .unwrap();
}

async fn board(c: &Company, user: UserId, owned: bool, at: DateTime<Utc>) -> LeadsBoard {
    paged(c, user, owned, BoardPages::default(), at).await
}

async fn paged(
    c: &Company,
    user: UserId,
    owned: bool,
    pages: BoardPages,
    at: DateTime<Utc>,
) -> LeadsBoard {
    let viewer = app::store::users::current_user(&c.pool, user)
        .await
        .unwrap()
        .unwrap();
    app::store::leads::board(&c.pool, &viewer, owned, pages, at)
        .await
        .unwrap()
}

fn ids(rows: &[app::models::leads::LeadRow]) -> Vec<ContactId> {
    rows.iter().map(|r| r.contact_id).collect()
}

#[tokio::test]
async fn hot_leads_are_unowned_recent_and_latest_first_until_claimed() {
    let c = company().await;
    let older = c.contact("Older").await;
    let newer = c.contact("Newer").await;
    let cold = c.contact("Cold").await;
    let quiet = c.contact("Quiet").await;
    inbound(&c, older, InteractionKind::Form, 3).await;
    inbound(&c, newer, InteractionKind::Download, 1).await;
    inbound(&c, cold, InteractionKind::Reply, 45).await;
    let _ = quiet;

    let before = board(&c, c.rep, false, now()).await;
    assert_eq!(ids(&before.hot.rows), vec![newer, older]);
    assert_eq!(before.hot.total, 2);
    let last = before.hot.rows[0].last_inbound.as_ref().unwrap();
    assert_eq!(last.kind, InteractionKind::Download);
    assert!(before.mine.rows.is_empty());

    claim(&c.pool, older, c.rep, Role::Rep, now())
        .await
        .unwrap();
    let after = board(&c, c.rep, false, now()).await;
    assert_eq!(
        ids(&after.hot.rows),
        vec![newer],
        "a claimed lead leaves the hot list"
    );
    assert_eq!(ids(&after.mine.rows), vec![older]);
    let owner = after.mine.rows[0].owner.as_ref().unwrap();
    assert_eq!(owner.user_id, c.rep);
    assert_eq!(owner.expires_at, now() + TimeDelta::days(14));

    let everyone = board(&c, c.rep2, true, now()).await;
    assert_eq!(
        ids(&everyone.hot.rows),
        vec![newer, older],
        "owned hot leads on request"
    );
    assert!(!everyone.hot.rows[1].requested);

    let refused = claim(&c.pool, older, c.rep2, Role::Rep, now()).await;
    assert!(refused.is_err(), "an owned contact is not granted");
    let requested = board(&c, c.rep2, true, now()).await;
    assert!(
        requested.hot.rows[1].requested,
        "the board says the request is filed"
    );
    assert!(!board(&c, c.rep, true, now()).await.hot.rows[1].requested);
}

#[tokio::test]
async fn lapsing_claims_are_the_owners_for_a_rep_and_the_teams_for_a_manager() {
    let c = company().await;
    let mine = c.contact("Mine").await;
    let theirs = c.contact("Theirs").await;
    claim(&c.pool, mine, c.rep, Role::Rep, now()).await.unwrap();
    claim(
        &c.pool,
        theirs,
        c.rep2,
        Role::Rep,
        now() + TimeDelta::hours(1),
    )
    .await
    .unwrap();

    let soon = now() + TimeDelta::days(12);
    assert!(board(&c, c.rep, false, now()).await.lapsing.rows.is_empty());
    assert_eq!(
        ids(&board(&c, c.rep, false, soon).await.lapsing.rows),
        vec![mine]
    );
    let managed = board(&c, c.manager, false, soon).await;
    assert_eq!(
        ids(&managed.lapsing.rows),
        vec![mine, theirs],
        "soonest first"
    );
    assert_eq!(managed.lapsing.total, 2);

    let lapsed = now() + TimeDelta::days(15);
    let gone = board(&c, c.rep, false, lapsed).await;
    assert!(
        gone.mine.rows.is_empty(),
        "a lapsed claim is no longer mine"
    );
    assert!(gone.lapsing.rows.is_empty());
}

#[tokio::test]
async fn a_section_is_capped_and_counts_the_rest() {
    let c = company().await;
    for n in 0..30 {
        let contact = c.contact(&format!("Lead{n}")).await;
        inbound(&c, contact, InteractionKind::Webinar, 1 + n % 20).await;
    }
    let b = board(&c, c.rep, false, now()).await;
    assert_eq!(b.hot.rows.len(), 25);
    assert_eq!(b.hot.total, 30);
    let times: Vec<_> = b
        .hot
        .rows
        .iter()
        .map(|r| r.last_inbound.as_ref().unwrap().at)
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] >= w[1]),
        "latest inbound first"
    );

    // The next page holds the other five, in the same order, and says where it starts.
    let next = paged(
        &c,
        c.rep,
        false,
        BoardPages::default().with("hot", 1),
        now(),
    )
    .await;
    assert_eq!((next.hot.offset, next.hot.total), (25, 30));
    assert_eq!(next.hot.rows.len(), 5);
    let first_page = ids(&b.hot.rows);
    assert!(next
        .hot
        .rows
        .iter()
        .all(|r| !first_page.contains(&r.contact_id)));
    let later = next.hot.rows[0].last_inbound.as_ref().unwrap().at;
    assert!(later <= *times.last().unwrap());
    let past_the_end = paged(
        &c,
        c.rep,
        false,
        BoardPages::default().with("hot", 2),
        now(),
    )
    .await;
    assert!(past_the_end.hot.rows.is_empty());
    assert_eq!(past_the_end.hot.total, 30);
}
