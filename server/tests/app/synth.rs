//! `concord demo` data: deterministic for a seed; `serve --demo` loads a small company once.

use app::store::db;
use chrono::NaiveDate;
use db::Db;
use server::synth::{generate, SynthOptions};
use std::hash::{DefaultHasher, Hash, Hasher};

async fn company(seed: u64) -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let pool = app::store::open(&dir.path().join("c.db").into())
        .await
        .unwrap();
    server::demo::create_users_if_none(&pool).await.unwrap();
    let options = SynthOptions {
        contacts: 250,
        touches: 2_600,
        seed,
        reference: NaiveDate::from_ymd_opt(2026, 3, 8).unwrap(),
    };
    let report = generate(&pool, options, &mut |_| {}).await.unwrap();
    assert_eq!((report.contacts, report.touches), (250, 2_600));
    (dir, pool)
}

/// Row counts and a hash of every generated row, in id order.
async fn checksum(pool: &Db) -> (Vec<i64>, u64) {
    let queries = [
        "SELECT id || name || COALESCE(email, '') || COALESCE(phone, '') || COALESCE(address, '') \
         || timezone || stage || attributes || consent_sms || do_not_contact || created_at \
         FROM contacts ORDER BY id",
        "SELECT id || contact_id || channel || purpose || team_id || author_id \
         || COALESCE(campaign_id, '') || scheduled_at || title || status || automated \
         FROM touches ORDER BY id",
        "SELECT id || contact_id || kind || at FROM interactions ORDER BY id",
        "SELECT id || contact_id || user_id || claimed_at || expires_at FROM claims ORDER BY id",
        "SELECT id || title || scheduled_at FROM campaigns ORDER BY id",
    ];
    let mut hasher = DefaultHasher::new();
    let mut counts = Vec::new();
    for sql in queries {
        let rows: Vec<String> = db::query_scalar(sql).fetch_all(pool).await.unwrap();
        counts.push(rows.len() as i64);
        rows.hash(&mut hasher);
    }
    (counts, hasher.finish())
}

#[tokio::test]
async fn demo_generation_is_deterministic_for_a_seed() {
    let (_a, first) = company(42).await;
    let (_b, second) = company(42).await;
    let (_c, other) = company(43).await;
    let (counts, sum) = checksum(&first).await;
    assert_eq!(checksum(&second).await, (counts.clone(), sum));
    assert_ne!(
        checksum(&other).await.1,
        sum,
        "another seed, another company"
    );
    assert_eq!(counts[0], 250);
    assert!(
        counts[2] > 0 && counts[3] > 0,
        "interactions and claims: {counts:?}"
    );
}

#[tokio::test]
async fn the_generated_touches_are_varied_and_at_business_hours() {
    let (_dir, pool) = company(7).await;
    let distinct = |column: &str| {
        let sql = format!("SELECT COUNT(DISTINCT {column}) FROM touches");
        let pool = pool.clone();
        async move {
            db::query_scalar::<i64>(&sql)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(distinct("channel").await, 4);
    assert!(distinct("purpose").await >= 5);
    assert_eq!(distinct("team_id").await, 4);
    assert!(distinct("status").await >= 5);
    let hours: Vec<(String, i64)> = db::query_as(
        "SELECT c.timezone, t.scheduled_at FROM touches t JOIN contacts c ON c.id = t.contact_id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let local_hours = hours.iter().map(|(zone, at)| {
        let zone: chrono_tz::Tz = zone.parse().unwrap();
        let at = chrono::DateTime::from_timestamp(*at, 0)
            .unwrap()
            .with_timezone(&zone);
        chrono::Timelike::hour(&at)
    });
    let late = local_hours.filter(|h| !(9..17).contains(h)).count();
    assert!(
        late * 100 < hours.len() * 5,
        "{late} of {} outside 09–17",
        hours.len()
    );
}

#[tokio::test]
async fn serve_demo_loads_a_small_company_only_into_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let pool = app::store::open(&dir.path().join("c.db").into())
        .await
        .unwrap();
    server::demo::load_if_empty(&pool).await.unwrap();
    let count = || async {
        db::query_as::<(i64, i64)>(
            "SELECT (SELECT COUNT(*) FROM contacts), (SELECT COUNT(*) FROM touches)",
        )
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    // 3 000 generated touches and three follow-ups the rules sent to review.
    assert_eq!(count().await, (300, 3_003));
    let overrides: i64 = db::query_scalar(
        "SELECT COUNT(*) FROM touches WHERE status = 'pending_review' AND conflicts LIKE '%min_gap%'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(overrides, 3);
    server::demo::load_if_empty(&pool).await.unwrap();
    assert_eq!(count().await, (300, 3_003), "not loaded twice");
}
