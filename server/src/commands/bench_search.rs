//! `concord bench search`: the contacts list's search by any part of a name, email or phone,
//! as the server runs it (a page of fifty and its count). It times the searches before the
//! trigram index has caught up (what a search costs right after an import), then the index's
//! catching up, then the same searches from the index, as percentiles per kind of text.

use crate::cli::BenchSearchArgs;
use anyhow::bail;
use app::store::contacts::text_index::index_contact_text;
use app::store::contacts::{search_contacts, ContactSearch, Cursor};
use app::store::db::{self, Db};
use chrono::Utc;
use std::time::Instant;

/// Runs the benchmark against an existing database (see `concord demo`).
pub async fn run(args: BenchSearchArgs) -> anyhow::Result<()> {
    let pool = app::store::open(&args.db.db).await?;
    let texts = texts(&pool, args.runs.max(1)).await?;
    let contacts: i64 = db::query_scalar("SELECT COUNT(*) FROM contacts")
        .fetch_one(&pool)
        .await?;
    println!(
        "{contacts} contacts; {} searches of each kind",
        args.runs.max(1)
    );
    if pool.engine() == db::Engine::Sqlite {
        // Start from an empty index: what the first searches after a big import meet.
        let mut tx = pool.begin_write().await?;
        for sql in [
            "DELETE FROM contact_text",
            "DELETE FROM contact_text_stale",
            "UPDATE contact_text_state SET indexed_upto = 0",
        ] {
            db::query(sql).execute(&mut tx).await?;
        }
        tx.commit().await?;
        report(&pool, "not yet indexed", &texts).await?;
    }
    let started = Instant::now();
    let indexed = index_contact_text(&pool).await?;
    println!(
        "index caught up with {indexed} contacts in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    report(&pool, "indexed", &texts).await?;
    pool.close().await;
    Ok(())
}

/// The texts searched, by kind: parts of real names and phones from contacts spread over the
/// database, a part of nearly every email (the index would name them all: the search walks the
/// names instead), and a part nobody has.
async fn texts(pool: &Db, runs: u32) -> anyhow::Result<Vec<(&'static str, Vec<String>)>> {
    let (low, high): (Option<i64>, Option<i64>) =
        db::query_as("SELECT MIN(id), MAX(id) FROM contacts")
            .fetch_one(pool)
            .await?;
    let (Some(low), Some(high)) = (low, high) else {
        bail!("the database has no contacts: generate some with `concord demo`");
    };
    let span = high - low + 1;
    let (mut names, mut phones) = (Vec::new(), Vec::new());
    for i in 0..i64::from(runs) {
        // A stride coprime with most spans visits contacts all over the id range.
        let id = low + (i * 7_919 + 13) % span;
        let found: Option<(String, Option<String>)> =
            db::query_as("SELECT name, phone FROM contacts WHERE id >= ? ORDER BY id LIMIT 1")
                .bind(id)
                .fetch_optional(pool)
                .await?;
        let Some((name, phone)) = found else { continue };
        // The last five characters of the name: inside it, never its start.
        let chars: Vec<char> = name.chars().collect();
        names.push(chars[chars.len().saturating_sub(5)..].iter().collect());
        if let Some(phone) = phone {
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            phones.push(digits[digits.len().saturating_sub(6)..].to_owned());
        }
    }
    let times = |text: &str| vec![text.to_owned(); runs as usize];
    Ok(vec![
        ("end of a name", names),
        ("end of a phone", phones),
        ("in most emails (\"example\")", times("example")),
        ("found nowhere", times("qxzv")),
    ])
}

/// Times each text's search and prints the percentiles of each kind.
async fn report(
    pool: &Db,
    stage: &str,
    texts: &[(&'static str, Vec<String>)],
) -> anyhow::Result<()> {
    for (kind, texts) in texts {
        let mut times = Vec::new();
        let mut found = 0;
        for text in texts {
            let search = ContactSearch {
                text: Some(text.clone()),
                ..ContactSearch::default()
            };
            let started = Instant::now();
            let page = search_contacts(pool, &search, Cursor::First, 50, Utc::now()).await?;
            times.push(started.elapsed().as_secs_f64() * 1_000.0);
            found += page.total;
        }
        if times.is_empty() {
            continue;
        }
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "search {stage}, {kind}: p50 {:.1} ms, p90 {:.1} ms, {:.0} found on average",
            at(0.5),
            at(0.9),
            found as f64 / times.len() as f64
        );
    }
    Ok(())
}
