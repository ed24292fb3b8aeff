//! A synthetic company at any scale (`concord demo`, and a small one for `serve --demo`):
//! the demo teams and users, contacts across stages and zones, touches at business hours across
//! channels, purposes, teams and campaigns within ±60 days of a reference date, interactions and
//! claims. The same seed and reference date give the same data.

mod company;
mod ledger;
pub mod overrides;
mod people;
pub mod rng;
mod write;

use anyhow::bail;
use app::store::db::{self, Db};
use chrono::{NaiveDate, NaiveTime};
use company::Company;
use ledger::Plan;
use rng::Rng;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct SynthOptions {
    /// How many contacts.
    pub contacts: u64,
    /// How many touches in all (spread evenly over the contacts).
    pub touches: u64,
    /// The seed.
    pub seed: u64,
    /// The middle of the ±60-day window of touches.
    pub reference: NaiveDate,
}

/// What was generated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SynthReport {
    pub contacts: u64,
    pub touches: u64,
    pub interactions: u64,
    pub claims: u64,
    pub campaigns: u64,
}

/// Contacts per transaction.
const CHUNK: u64 = 20_000;

/// Generates the company into a database that has the demo users and no contacts. Commits in
/// chunks, with `PRAGMA synchronous = OFF` on its connection while it runs (a crash may then
/// lose or corrupt the generated data: it is synthetic, so start again from an empty file).
pub async fn generate(
    pool: &Db,
    options: SynthOptions,
    progress: &mut dyn FnMut(u64),
) -> anyhow::Result<SynthReport> {
    let company = Company::load(pool).await?;
    let existing: i64 = db::query_scalar("SELECT COUNT(*) FROM contacts")
        .fetch_one(pool)
        .await?;
    if existing > 0 {
        bail!("the database already has {existing} contacts: generate into an empty one");
    }
    let mut conn = pool.acquire().await?;
    conn.set_durable(false).await?;
    conn.pause_counts().await?;
    let result = fill(&mut conn, &company, options, progress).await;
    conn.rebuild_counts().await?;
    conn.set_durable(true).await?;
    let report = result?;
    conn.analyze().await?;
    conn.reset_identities().await?;
    Ok(report)
}

async fn fill(
    conn: &mut db::Conn,
    company: &Company,
    options: SynthOptions,
    progress: &mut dyn FnMut(u64),
) -> anyhow::Result<SynthReport> {
    let midnight = options
        .reference
        .and_time(NaiveTime::MIN)
        .and_utc()
        .timestamp();
    let created = midnight - 61 * 86_400;
    let campaigns = company.campaigns();
    conn.begin().await?;
    write::campaigns(
        conn,
        &campaigns,
        |day| midnight + day * 86_400 + 15 * 3600,
        created,
    )
    .await?;
    conn.commit_open().await?;
    let plan = Plan {
        company,
        campaigns: &campaigns,
        reference: options.reference,
    };
    let mut report = SynthReport {
        campaigns: campaigns.len() as u64,
        ..SynthReport::default()
    };
    let (n, m) = (options.contacts, options.touches);
    let mut start = 1;
    while start <= n {
        let end = (start + CHUNK - 1).min(n);
        let (mut people, mut touches, mut interactions, mut claims) =
            (vec![], vec![], vec![], vec![]);
        for id in start..=end {
            let mut rng = Rng::fork(options.seed, id);
            let person = people::person(&mut rng, id);
            let count = (m as u128 * id as u128 / n as u128
                - m as u128 * (id - 1) as u128 / n as u128) as u64;
            let id = id as i64;
            touches.extend(plan.touches(&mut rng, id, &person, count));
            interactions.extend(plan.interactions(&mut rng, id, person.stage));
            claims.extend(plan.claim(&mut rng, id, person.stage));
            people.push((id, person));
        }
        conn.begin().await?;
        write::contacts(conn, &people, created).await?;
        write::touches(conn, &touches, created).await?;
        write::interactions(conn, &interactions).await?;
        write::claims(conn, &claims).await?;
        conn.commit_open().await?;
        report.contacts += people.len() as u64;
        report.touches += touches.len() as u64;
        report.interactions += interactions.len() as u64;
        report.claims += claims.len() as u64;
        progress(end);
        start = end + 1;
    }
    conn.reset_identities().await?;
    Ok(report)
}
