//! The stored rule set, kept in memory between edits: the send gate and the live checks read
//! it on every request, and it changes only when an admin saves a rule through this process.

use crate::store::db;
use super::rules::{current_rules, save_rule, save_rules, RuleSaveError};
use super::{Failure, StoreError};
use crate::domain::ids::UserId;
use crate::domain::{Rules, RulesError};
use chrono::{DateTime, Utc};
use db::Db;
use std::sync::{Arc, Mutex};

/// The last rule set read, and how many saves this process has made (a read that raced a save
/// is not kept).
#[derive(Clone, Debug, Default)]
pub struct RulesCache(Arc<Mutex<Cached>>);

#[derive(Debug, Default)]
struct Cached {
    saves: u64,
    rules: Option<Arc<Rules>>,
}

impl RulesCache {
    /// The current rule set: from memory, or read from the database once after each save.
    pub async fn get(&self, pool: &Db) -> Result<Arc<Rules>, StoreError> {
        let saves = {
            let cached = self.lock();
            if let Some(rules) = &cached.rules {
                return Ok(Arc::clone(rules));
            }
            cached.saves
        };
        let rules = Arc::new(current_rules(pool).await?);
        let mut cached = self.lock();
        if cached.saves == saves {
            cached.rules = Some(Arc::clone(&rules));
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
