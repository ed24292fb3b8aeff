//! Creating a campaign: all or nothing, one touch per recipient, blocked recipients excluded,
//! shifted to their next allowed slot or sent to review, as a preview of the same request says.

use crate::helpers::schedule;
use crate::ledger::fixtures::{company, day, now, Company};
use app::domain::ids::{CampaignId, ContactId, TeamId};
use app::domain::{Channel, OnConflict, Purpose};
use app::store::campaigns::SHIFT_HORIZON;
use app::store::campaigns::{create_campaign, CampaignCreated, CampaignError, NewCampaign};
use app::store::db;
use app::store::preview::{preview_campaign, AudienceQuery, PreviewRequest};
use app::store::rules::current_rules;
use app::store::Failure;
use chrono::{DateTime, TimeDelta, Utc};

/// 09:00 in New York on the test day: when the campaign goes out.
fn send_at() -> DateTime<Utc> {
    day() + TimeDelta::hours(14)
}

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// Four prospects: Ann and Bob are free; Cid has planned touches at 08:00 and 13:00 UTC that
/// day, Dee at 08:30 and 13:00 (the daily cap is full, and 13:00 is within the minimum gap).
pub(crate) struct Setup {
    pub company: Company,
    free: [ContactId; 2],
    busy: [ContactId; 2],
}

pub(crate) async fn setup() -> Setup {
    let company = company().await;
    let ann = company.contact("Ann").await;
    let bob = company.contact("Bob").await;
    let cid = company.contact("Cid").await;
    let dee = company.contact("Dee").await;
    for (contact, minutes) in [(cid, 480), (cid, 780), (dee, 510), (dee, 780)] {
        let touch = company.email(contact, day() + TimeDelta::minutes(minutes));
        let scheduled = schedule(&company.pool, &touch, now()).await.unwrap();
        assert_eq!(scheduled.touch.status.as_str(), "planned");
    }
    Setup {
        company,
        free: [ann, bob],
        busy: [cid, dee],
    }
}

pub(crate) fn campaign(company: &Company, on_conflict: OnConflict) -> NewCampaign {
    NewCampaign {
        title: "Spring newsletter".into(),
        team: company.team,
        author: company.marketer,
        channel: Channel::Email,
        purpose: Purpose::Newsletter,
        scheduled_at: send_at(),
        audience: AudienceQuery::default(),
        on_conflict,
    }
}

/// The campaign's touches: (contact, scheduled_at, status, conflicts JSON), by contact.
async fn touches(company: &Company, id: CampaignId) -> Vec<(i64, DateTime<Utc>, String, String)> {
    let rows: Vec<(i64, i64, String, String)> = db::query_as(
        "SELECT contact_id, scheduled_at, status, conflicts FROM touches \
         WHERE campaign_id = ? ORDER BY contact_id",
    )
    .bind(id.0)
    .fetch_all(&company.pool)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(c, at, s, j)| (c, DateTime::from_timestamp(at, 0).unwrap(), s, j))
        .collect()
}

/// What previewing each recipient on its own says the campaign should do.
async fn expected(company: &Company, campaign: &NewCampaign, ids: &[ContactId]) -> CampaignCreated {
    let rules = current_rules(&company.pool).await.unwrap();
    let mut counts = CampaignCreated {
        id: CampaignId(0),
        recipients: 0,
        planned: 0,
        pending_review: 0,
        shifted: 0,
        excluded: 0,
    };
    for id in ids {
        let request = PreviewRequest {
            audience: AudienceQuery {
                contact_ids: Some(vec![*id]),
                ..AudienceQuery::default()
            },
            touch: campaign.touch(None),
            horizon: SHIFT_HORIZON,
            samples_per_rule: 1,
            samples_from: None,
        };
        let preview = preview_campaign(&company.pool, &rules, &request)
            .await
            .unwrap();
        assert_eq!(preview.recipients, 1);
        counts.recipients += 1;
        if preview.blocked == 0 {
            counts.planned += 1;
            continue;
        }
        match campaign.on_conflict {
            OnConflict::Exclude => counts.excluded += 1,
            OnConflict::Review => counts.pending_review += 1,
            OnConflict::Shift => match preview.next_allowed.get(id).copied().flatten() {
                Some(_) => {
                    counts.planned += 1;
                    counts.shifted += 1;
                }
                None => counts.excluded += 1,
            },
        }
    }
    counts
}

fn all(s: &Setup) -> Vec<ContactId> {
    vec![s.free[0], s.free[1], s.busy[0], s.busy[1]]
}

#[tokio::test]
async fn exclude_plans_only_the_free_recipients() {
    let s = setup().await;
    let c = &s.company;
    let new = campaign(c, OnConflict::Exclude);
    let want = expected(c, &new, &all(&s)).await;
    let created = create_campaign(&c.pool, &new, now()).await.unwrap();
    assert_eq!(
        (
            created.recipients,
            created.planned,
            created.pending_review,
            created.shifted,
            created.excluded
        ),
        (4, 2, 0, 0, 2)
    );
    assert_eq!(
        CampaignCreated {
            id: created.id,
            ..want
        },
        created
    );
    let stored = touches(c, created.id).await;
    let planned: Vec<_> = stored
        .iter()
        .map(|t| (t.0, t.1, t.2.as_str(), t.3.as_str()))
        .collect();
    assert_eq!(
        planned,
        [
            (s.free[0].0, send_at(), "planned", "[]"),
            (s.free[1].0, send_at(), "planned", "[]")
        ]
    );
    let status = "SELECT COUNT(*) FROM campaigns WHERE status = 'planned'";
    assert_eq!(c.count(status).await, 1);
    assert_eq!(c.audited("campaign.planned").await, 1);
    assert_eq!(
        c.audited("touch.planned").await,
        4,
        "one audit row per campaign, not per touch"
    );
}

#[tokio::test]
async fn shift_moves_the_blocked_recipients_to_their_next_allowed_slot() {
    let s = setup().await;
    let c = &s.company;
    let mut new = campaign(c, OnConflict::Shift);
    new.audience.contact_ids = Some(all(&s));
    let want = expected(c, &new, &all(&s)).await;
    let created = create_campaign(&c.pool, &new, now()).await.unwrap();
    assert_eq!(
        (
            created.recipients,
            created.planned,
            created.shifted,
            created.excluded
        ),
        (4, 4, 2, 0)
    );
    assert_eq!(
        CampaignCreated {
            id: created.id,
            ..want
        },
        created
    );
    let stored = touches(c, created.id).await;
    let at: Vec<_> = stored.iter().map(|t| (t.0, t.1, t.2.as_str())).collect();
    // Cid: the 08:00 touch leaves the rolling 24 h window at 08:00 the next day; Dee's 08:30.
    assert_eq!(
        at,
        [
            (s.free[0].0, send_at(), "planned"),
            (s.free[1].0, send_at(), "planned"),
            (s.busy[0].0, utc("2030-03-05T08:00:00Z"), "planned"),
            (s.busy[1].0, utc("2030-03-05T08:30:00Z"), "planned"),
        ]
    );
    // The shifted touches now count: the next single touch for Cid that day is blocked.
    let late = c.email(s.busy[0], utc("2030-03-05T10:00:00Z"));
    let scheduled = schedule(&c.pool, &late, now()).await.unwrap();
    assert_eq!(scheduled.touch.status.as_str(), "pending_review");
}

#[tokio::test]
async fn review_stores_the_blocked_touches_for_review() {
    let s = setup().await;
    let c = &s.company;
    let mut new = campaign(c, OnConflict::Review);
    new.audience.stages = vec![app::domain::Stage::Prospect];
    let want = expected(c, &new, &all(&s)).await;
    let created = create_campaign(&c.pool, &new, now()).await.unwrap();
    assert_eq!(
        (created.planned, created.pending_review, created.excluded),
        (2, 2, 0)
    );
    assert_eq!(
        CampaignCreated {
            id: created.id,
            ..want
        },
        created
    );
    let stored = touches(c, created.id).await;
    for (contact, at, status, conflicts) in &stored {
        assert_eq!(*at, send_at());
        if s.busy.iter().any(|b| b.0 == *contact) {
            assert_eq!(status, "pending_review");
            assert!(conflicts.contains("\"daily_cap\""), "{conflicts}");
        } else {
            assert_eq!((status.as_str(), conflicts.as_str()), ("planned", "[]"));
        }
    }
    assert_eq!(stored.len(), 4);
    let status = "SELECT COUNT(*) FROM campaigns WHERE status = 'pending_review'";
    assert_eq!(c.count(status).await, 1);
    assert_eq!(c.audited("campaign.pending_review").await, 1);
}

async fn nothing_stored(c: &Company) {
    assert_eq!(c.count("SELECT COUNT(*) FROM campaigns").await, 0);
    let campaign_touches = "SELECT COUNT(*) FROM touches WHERE campaign_id IS NOT NULL";
    assert_eq!(c.count(campaign_touches).await, 0);
    let audit = "SELECT COUNT(*) FROM audit_log WHERE subject_type = 'campaign'";
    assert_eq!(c.count(audit).await, 0);
    assert_eq!(c.count("SELECT COUNT(*) FROM touches").await, 4);
}

#[tokio::test]
async fn a_failure_leaves_no_campaign_and_no_touches() {
    let s = setup().await;
    let c = &s.company;
    let mut new = campaign(c, OnConflict::Review);
    new.team = TeamId(999);
    let refused = create_campaign(&c.pool, &new, now()).await.unwrap_err();
    assert_eq!(refused.refusal(), Some(CampaignError::TeamNotFound));
    nothing_stored(c).await;
    // An error after the campaign row and while its touches are inserted rolls everything back.
    let victim = s.busy[1].0;
    let (create, drop): (Vec<String>, &[&str]) = if crate::helpers::on_postgres() {
        (
            vec![
                "CREATE FUNCTION fail_campaign() RETURNS trigger LANGUAGE plpgsql AS \
                 $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$"
                    .into(),
                format!(
                    "CREATE TRIGGER fail_campaign BEFORE INSERT ON touches FOR EACH ROW \
                     WHEN (NEW.campaign_id IS NOT NULL AND NEW.contact_id = {victim}) \
                     EXECUTE FUNCTION fail_campaign()"
                ),
            ],
            &[
                "DROP TRIGGER fail_campaign ON touches",
                "DROP FUNCTION fail_campaign",
            ],
        )
    } else {
        (
            vec![format!(
                "CREATE TRIGGER fail_campaign BEFORE INSERT ON touches \
                 WHEN NEW.campaign_id IS NOT NULL AND NEW.contact_id = {victim} \
                 BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
            )],
            &["DROP TRIGGER fail_campaign"],
        )
    };
    for sql in create {
        db::query(sql).execute(&c.pool).await.unwrap();
    }
    let failed = create_campaign(&c.pool, &campaign(c, OnConflict::Review), now()).await;
    assert!(matches!(failed, Err(Failure::Store(_))), "{failed:?}");
    nothing_stored(c).await;
    for sql in drop {
        db::query(*sql).execute(&c.pool).await.unwrap();
    }
    let created = create_campaign(&c.pool, &campaign(c, OnConflict::Review), now())
        .await
        .unwrap();
    assert_eq!(created.recipients, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_campaign_and_single_planners_racing_for_the_last_slot_get_it_once() {
    let c = company().await;
    let eve = c.contact("Eve").await;
    let first = c.email(eve, day() + TimeDelta::hours(2));
    schedule(&c.pool, &first, now()).await.unwrap();
    let mut pools = Vec::new();
    for _ in 0..4 {
        pools.push(app::store::open(&c.app.db).await.unwrap());
    }
    let mut new = campaign(&c, OnConflict::Exclude);
    new.audience.contact_ids = Some(vec![eve]);
    let campaign_pool = pools[0].clone();
    let racing_campaign =
        tokio::spawn(async move { create_campaign(&campaign_pool, &new, now()).await.unwrap() });
    let mut singles = Vec::new();
    for i in 0..8 {
        let pool = pools[i % 4].clone();
        let touch = c.email(eve, send_at() + TimeDelta::minutes(i as i64));
        singles.push(tokio::spawn(async move {
            schedule(&pool, &touch, now()).await.unwrap()
        }));
    }
    let created = racing_campaign.await.unwrap();
    for single in singles {
        single.await.unwrap();
    }
    let planned = "SELECT COUNT(*) FROM touches WHERE status = 'planned'";
    assert_eq!(c.count(planned).await, 2, "the daily cap is 2");
    let from_campaign = "SELECT COUNT(*) FROM touches WHERE campaign_id IS NOT NULL";
    assert_eq!(c.count(from_campaign).await as u64, created.planned);
    assert_eq!(created.planned + created.excluded, 1);
}
