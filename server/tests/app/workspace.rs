//! The start page's reads for those who plan campaigns (theirs still to go out with what
//! conflicts with them, and a campaign going out today as one line) and for those who oversee
//! (the week's pressure in a few numbers).

use crate::campaigns::{campaign, setup};
use crate::helpers::schedule;
use crate::ledger::fixtures::{day, now};
use app::domain::{OnConflict, Purpose, Severity, Stage, TimeZone, TouchStatus};
use app::store::campaigns::{cancel_campaign, create_campaign};
use app::store::db;
use app::store::workspace::{my_campaigns, today};
use chrono::TimeDelta;

#[tokio::test]
async fn a_planner_sees_what_their_campaign_runs_into_and_what_ran_into_it_since() {
    let s = setup().await;
    let c = &s.company;
    let mut new = campaign(c, OnConflict::Review);
    new.audience.stages = vec![Stage::Prospect];
    let created = create_campaign(&c.pool, &new, now()).await.unwrap();
    let ann_touch: i64 = db::query_scalar(
        "SELECT t.id FROM touches t JOIN contacts c ON c.id = t.contact_id
         WHERE t.campaign_id = ? AND c.name = 'Ann'",
    )
    .bind(created.id.0)
    .fetch_one(&c.pool)
    .await
    .unwrap();
    let ann: i64 = db::query_scalar("SELECT contact_id FROM touches WHERE id = ?")
        .bind(ann_touch)
        .fetch_one(&c.pool)
        .await
        .unwrap();

    let mine = my_campaigns(&c.pool, c.marketer, now(), 5).await.unwrap();
    assert_eq!(mine.total, 1);
    let spring = &mine.campaigns[0];
    assert_eq!(spring.campaign.id, created.id);
    let held = spring.campaign.count(TouchStatus::PendingReview);
    assert_eq!(held, 2, "Cid and Dee wait for review");
    assert!(
        spring
            .runs_into
            .iter()
            .filter(|r| r.severity == Severity::Block)
            .all(|r| r.touches <= held),
        "{:?}",
        spring.runs_into
    );
    assert!(
        spring
            .runs_into
            .iter()
            .any(|r| r.severity == Severity::Block && r.touches == held),
        "a block on every held touch: {:?}",
        spring.runs_into
    );
    assert_eq!(spring.run_into_by, 0);

    // A rep then plans a call-back email to Ann ten minutes after the campaign's.
    let at = day() + TimeDelta::hours(14) + TimeDelta::minutes(10);
    let follow_up = c.touch(
        app::domain::ids::ContactId(ann),
        c.rep,
        Purpose::SalesFollowup,
        at,
    );
    let scheduled = schedule(&c.pool, &follow_up, now()).await.unwrap();
    assert!(
        scheduled
            .conflicts
            .iter()
            .any(|k| k.touch_ids.contains(&app::domain::ids::TouchId(ann_touch))),
        "the rep's touch runs into Ann's campaign touch: {:?}",
        scheduled.conflicts
    );
    let mine = my_campaigns(&c.pool, c.marketer, now(), 5).await.unwrap();
    assert_eq!(mine.campaigns[0].run_into_by, 1);
    assert!(mine.campaigns[0]
        .conflicts_text()
        .ends_with("1 touch planned since by others runs into it."));

    // On its day, the campaign is one line of the marketer's day, with its planned touches.
    let day_of = today(
        &c.pool,
        c.marketer,
        TimeZone::UTC,
        day() + TimeDelta::hours(1),
    )
    .await
    .unwrap();
    assert_eq!(
        day_of.touches.len(),
        4,
        "the marketer's four one-off emails to Cid and Dee stay lines of their own"
    );
    assert_eq!(day_of.campaigns.len(), 1);
    assert_eq!(day_of.campaigns[0].id, created.id);
    assert_eq!(day_of.campaigns[0].touches, 2, "Ann and Bob are planned");

    assert_eq!(
        my_campaigns(&c.pool, c.rep, now(), 5).await.unwrap().total,
        0,
        "someone else's campaign is not theirs"
    );
    cancel_campaign(&c.pool, created.id, c.actor(c.marketer), now())
        .await
        .unwrap();
    let mine = my_campaigns(&c.pool, c.marketer, now(), 5).await.unwrap();
    assert_eq!(mine.total, 0, "a cancelled campaign no longer goes out");
}

#[tokio::test]
async fn a_manager_sees_the_weeks_pressure_in_a_few_numbers() {
    let c = crate::ledger::fixtures::company().await;
    let busy = c.contact("Busy").await;
    let calm = c.contact("Calm").await;
    let waiting = c.contact("Waiting").await;
    // Monday to Friday at 15:00 UTC for one contact: the weekly cap's five.
    for d in 0..5 {
        let at = day() + TimeDelta::days(d) + TimeDelta::hours(15);
        schedule(&c.pool, &c.email(busy, at), now()).await.unwrap();
    }
    let at = day() + TimeDelta::days(1) + TimeDelta::hours(15);
    schedule(&c.pool, &c.email(calm, at), now()).await.unwrap();
    let replied = day() + TimeDelta::days(1) + TimeDelta::hours(10);
    app::store::events::ingest_interaction(
        &c.pool,
        waiting,
        app::domain::InteractionKind::Reply,
        app::domain::Channel::Email,
        replied,
        None,
        replied,
    )
    .await
    .unwrap();

    let thursday = day() + TimeDelta::days(3) + TimeDelta::hours(12);
    let week = app::store::workspace::week_pressure(&c.pool, TimeZone::UTC, thursday)
        .await
        .unwrap();
    assert_eq!(week.from.to_string(), "2030-03-04");
    assert_eq!(week.to.to_string(), "2030-03-10");
    assert_eq!((week.cap, week.touched, week.at_cap), (5, 2, 1));
    assert_eq!(
        week.ghosted_total, 1,
        "Waiting's reply went unanswered for a day"
    );
    assert_eq!(week.ghosted[0].name, "Waiting");
    assert!(week.top_rules.len() <= 3);
    assert!(week.top_rules.windows(2).all(|w| w[0].1 >= w[1].1));

    let next_week =
        app::store::workspace::week_pressure(&c.pool, TimeZone::UTC, thursday + TimeDelta::days(7))
            .await
            .unwrap();
    assert_eq!(
        (next_week.touched, next_week.at_cap, next_week.ghosted_total),
        (0, 0, 0)
    );
}
