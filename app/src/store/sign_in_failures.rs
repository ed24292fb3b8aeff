//! The failed sign-in throttle's memory when several processes share one PostgreSQL database:
//! the failures live in `sign_in_failures`, and each attempt is decided by the same pure
//! [`Throttle`] over the failures read, under per-key advisory locks so that parallel guesses
//! on two nodes are counted one after the other.

use crate::auth::throttle::{Throttle, WINDOW};
use crate::store::db::{self, Db};
use crate::store::StoreError;
use chrono::{DateTime, Duration, Utc};

fn micros(at: DateTime<Utc>) -> i64 {
    at.timestamp_micros()
}

/// Starts an attempt for every `(key, limit)` (see [`Throttle::attempt`]): the wait when a key
/// is at its limit (nothing counted), else each key's failure is stored.
pub async fn attempt(
    pool: &Db,
    keys: &[(&str, usize)],
    now: DateTime<Utc>,
) -> Result<Result<(), Duration>, StoreError> {
    let mut tx = pool.begin_for_contacts(&[]).await?;
    let mut names: Vec<String> = keys.iter().map(|(k, _)| (*k).to_owned()).collect();
    names.sort();
    for name in &names {
        db::query("SELECT pg_advisory_xact_lock(hashtext(?))")
            .bind(name)
            .execute(&mut tx)
            .await?;
    }
    let since = micros(now - WINDOW);
    let mut throttle = Throttle::default();
    for name in &names {
        let times: Vec<i64> = db::query_scalar(
            "SELECT at FROM sign_in_failures WHERE key = ? AND at > ? ORDER BY at",
        )
        .bind(name)
        .bind(since)
        .fetch_all(&mut tx)
        .await?;
        for t in times {
            throttle.record_failure(name, DateTime::from_timestamp_micros(t).unwrap_or(now));
        }
    }
    if let Err(wait) = throttle.attempt(keys, now) {
        return Ok(Err(wait));
    }
    for name in &names {
        db::query("DELETE FROM sign_in_failures WHERE key = ? AND at <= ?")
            .bind(name)
            .bind(since)
            .execute(&mut tx)
            .await?;
        db::query("INSERT INTO sign_in_failures (key, at) VALUES (?, ?)")
            .bind(name)
            .bind(micros(now))
            .execute(&mut tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// The attempt started at `at` succeeded: the account's failures are forgotten and the attempt
/// is taken off the other keys (see [`Throttle::succeeded`]).
pub async fn succeeded(
    pool: &Db,
    account: &str,
    others: &[&str],
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = pool.begin_for_contacts(&[]).await?;
    db::query("DELETE FROM sign_in_failures WHERE key = ?")
        .bind(account)
        .execute(&mut tx)
        .await?;
    for key in others {
        db::query(
            "DELETE FROM sign_in_failures WHERE ctid IN
                 (SELECT ctid FROM sign_in_failures WHERE key = ? AND at = ? LIMIT 1)",
        )
        .bind(*key)
        .bind(micros(at))
        .execute(&mut tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
