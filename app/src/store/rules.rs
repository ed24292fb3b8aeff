//! The contact policy as stored: one row per rule, alert or setting in `rules`; ids not stored
//! take DESIGN's defaults.

use super::audit::{self, AuditEntry};
use super::rows::{json, secs, to_json};
use super::tx::begin_write;
use super::{Failure, StoreError};
use crate::domain::ids::UserId;
use crate::domain::{Rules, RulesError};
use crate::store::db::{self, Conn, Db};
use chrono::{DateTime, Utc};

/// The stored rule set (defaults when the table is empty).
pub async fn load_rules(conn: &mut Conn) -> Result<Rules, StoreError> {
    let rows = db::query_as::<(String, String)>("SELECT id, params FROM rules")
        .fetch_all(&mut *conn)
        .await?;
    if rows.is_empty() {
        return Ok(Rules::default());
    }
    let entries = rows
        .iter()
        .map(|(id, params)| Ok((id.clone(), json(params)?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    Rules::from_entries(entries).map_err(|e| StoreError::Corrupt(format!("stored rules: {e}")))
}

/// What changes whenever a stored rule does: how many rules are stored and their versions
/// summed (every save of a changed rule raises its version).
pub async fn rules_stamp(pool: &Db) -> Result<(i64, i64), StoreError> {
    Ok(db::query_as::<(i64, i64)>(
        "SELECT COUNT(*), CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM rules",
    )
    .fetch_one(pool)
    .await?)
}

/// The stored rule set, read from the pool.
pub async fn current_rules(pool: &Db) -> Result<Rules, StoreError> {
    let mut conn = pool.acquire().await?;
    load_rules(&mut conn).await
}

/// Refuses a blackout date `rules` adds to `current` that [`Blackouts::check_new`] refuses.
///
/// [`Blackouts::check_new`]: crate::domain::compliance::Blackouts::check_new
fn check_new_blackouts(rules: &Rules, current: &Rules) -> Result<(), RulesError> {
    rules
        .blackouts
        .check_new(&current.blackouts)
        .map_err(|e| RulesError::Invalid {
            rule: "blackouts",
            field: "days",
            reason: e.to_string(),
        })
}

/// Validates and stores the whole rule set, with an audit row, in one transaction.
pub async fn save_rules(
    pool: &Db,
    rules: &Rules,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<(), Failure<RulesError>> {
    rules.validate().map_err(Failure::Refused)?;
    let mut tx = begin_write(pool).await?;
    let current = load_rules(&mut tx).await?;
    check_new_blackouts(rules, &current).map_err(Failure::Refused)?;
    for (id, params) in rules.entries() {
        db::query(
            "INSERT INTO rules (id, params, updated_by, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET params = excluded.params,
                 updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                 version = CASE WHEN rules.params = excluded.params THEN rules.version
                                ELSE rules.version + 1 END",
        )
        .bind(&id)
        .bind(to_json(&params))
        .bind(actor.0)
        .bind(secs(now))
        .execute(&mut tx)
        .await?;
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "rules.saved",
        subject_type: "rule",
        subject_id: None,
        contact: None,
        details: serde_json::to_value(rules).unwrap_or_default(),
    };
    audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Why one rule could not be saved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleSaveError {
    /// The rule set with this entry would be invalid (or the id is unknown).
    #[error(transparent)]
    Invalid(#[from] RulesError),
    /// The editor read an older version; nothing was saved.
    #[error("the rule was changed by someone else (now at version {current}); reload it")]
    Stale {
        /// The version now stored.
        current: i64,
    },
}

/// The version of each rule ever saved; a rule missing here was never saved (it has DESIGN's
/// default) and is at version 0.
pub async fn rule_versions(
    pool: &Db,
) -> Result<std::collections::BTreeMap<String, i64>, StoreError> {
    let stored = db::query_as::<(String, i64)>("SELECT id, version FROM rules")
        .fetch_all(pool)
        .await?;
    Ok(stored.into_iter().collect())
}

/// Saves one rule's entry if `version` is the one stored, after checking the whole rule set
/// with it (read in the same write transaction, so a concurrent save of another rule is kept);
/// answers the new version. The audit row keeps the entry before and after.
pub async fn save_rule(
    pool: &Db,
    id: &str,
    entry: serde_json::Value,
    version: i64,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<i64, Failure<RuleSaveError>> {
    let mut tx = begin_write(pool).await?;
    let current = load_rules(&mut tx).await?;
    let mut entries = current.entries();
    let Some(slot) = entries.iter_mut().find(|(k, _)| k == id) else {
        return Err(Failure::Refused(
            RulesError::UnknownRule(id.to_owned()).into(),
        ));
    };
    let before = std::mem::replace(&mut slot.1, entry.clone());
    let rules = Rules::from_entries(entries).map_err(|e| Failure::Refused(e.into()))?;
    check_new_blackouts(&rules, &current).map_err(|e| Failure::Refused(e.into()))?;
    let stored: i64 = db::query_scalar("SELECT version FROM rules WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut tx)
        .await?
        .unwrap_or(0);
    if stored != version {
        return Err(Failure::Refused(RuleSaveError::Stale { current: stored }));
    }
    db::query(
        "INSERT INTO rules (id, params, updated_by, updated_at, version) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (id) DO UPDATE SET params = excluded.params,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at,
             version = rules.version + 1",
    )
    .bind(id)
    .bind(to_json(&entry))
    .bind(actor.0)
    .bind(secs(now))
    .execute(&mut tx)
    .await?;
    let audit = AuditEntry {
        at: now,
        actor: Some(actor),
        action: "rule.saved",
        subject_type: "rule",
        subject_id: None,
        contact: None,
        details: serde_json::json!({ "rule": id, "before": before, "after": entry, "version": version + 1 }),
    };
    audit::record(&mut tx, &audit).await?;
    tx.commit().await?;
    Ok(version + 1)
}
