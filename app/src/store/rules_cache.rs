//! The stored rule set, kept in memory between edits: the send gate and the live checks read
//! it on every request. A save through this process drops it at once; a save through another
//! process on the same database is seen within [`FRESH`]: after that long the cache asks the
//! database for the rules' stamp (their count and summed versions, one small read) and reads
//! the rules again only when the stamp moved.

use super::rules::{current_rules, rules_stamp, save_rule, save_rules, RuleSaveError};
use super::{Failure, StoreError};
use crate::domain::ids::UserId;
use crate::domain::{Rules, RulesError};
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Db;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a cached rule set is served without asking whether another process saved rules.
pub const FRESH: Duration = Duration::from_millis(500);

/// The last rule set read, and how many saves this process has made (a read that raced a save
/// is not kept).
#[derive(Clone, Debug, Default)]
pub struct RulesCache(Arc<Mutex<Cached>>);

#[derive(Debug, Default)]
struct Cached {
    saves: u64,
    rules: Option<Arc<Rules>>,
    /// The stored rules' stamp when `rules` was read, and when it was last compared.
    stamp: (i64, i64),
    checked: Option<Instant>,
}

impl RulesCache {
    /// The current rule set: from memory, or read from the database once after each save.
    pub async fn get(&self, pool: &Db) -> Result<Arc<Rules>, StoreError> {
        let (saves, kept) = {
            let cached = self.lock();
            match (&cached.rules, cached.checked) {
                (Some(rules), Some(at)) if at.elapsed() < FRESH => return Ok(Arc::clone(rules)),
                (Some(rules), _) => (cached.saves, Some((Arc::clone(rules), cached.stamp))),
                (None, _) => (cached.saves, None),
            }
        };
        let stamp = rules_stamp(pool).await?;
        if let Some((rules, was)) = kept.filter(|(_, was)| *was == stamp) {
            let mut cached = self.lock();
            if cached.saves == saves && cached.stamp == was {
                cached.checked = Some(Instant::now());
            }
            return Ok(rules);
        }
        let rules = Arc::new(current_rules(pool).await?);
        let mut cached = self.lock();
        if cached.saves == saves {
            cached.rules = Some(Arc::clone(&rules));
            cached.stamp = stamp;
            cached.checked = Some(Instant::now());
        }
        Ok(rules)
    }

    /// Validates and stores the whole rule set (see [`save_rules`]); the next
    /// [`get`](Self::get) reads it back.
    pub async fn save(
        &self,
        pool: &Db,
        rules: &Rules,
        actor: UserId,
        now: DateTime<Utc>,
    ) -> Result<(), Failure<RulesError>> {
        let saved = save_rules(pool, rules, actor, now).await;
        let mut cached = self.lock();
        cached.saves += 1;
        cached.rules = None;
        saved
    }

    /// Saves one rule (see [`save_rule`]) and drops the cached set.
    pub async fn save_one(
        &self,
        pool: &Db,
        id: &str,
        entry: serde_json::Value,
        version: i64,
        actor: UserId,
        now: DateTime<Utc>,
    ) -> Result<i64, Failure<RuleSaveError>> {
        let saved = save_rule(pool, id, entry, version, actor, now).await;
        let mut cached = self.lock();
        cached.saves += 1;
        cached.rules = None;
        saved
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cached> {
        // The guarded data is replaced whole, never left half-written: a poisoned lock is safe.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
