//! What checking one touch needs, read in one go: the stored rules, the contact's facts and its
//! ledger around the instant.

use crate::domain::ids::ContactId;
use crate::domain::{ContactFacts, Rules};
use crate::store::contacts::contact_row;
use crate::store::ledger::{read_ledger, LedgerRows};
use crate::store::rules::load_rules;
use crate::store::StoreError;
use chrono::{DateTime, TimeDelta, Utc};
use sqlx::SqliteConnection;

/// The inputs of the engine for one contact.
pub(super) struct CheckContext {
    /// The stored rule set.
    pub rules: Rules,
    /// The contact as the engine sees it (live claim only).
    pub facts: ContactFacts,
    /// Its ledger from `at - reach` to `at + after + reach`.
    pub ledger: LedgerRows,
}

/// Reads the context for a touch at `at` (and up to `after` later, for a next-allowed search);
/// `None` when the contact does not exist.
pub(super) async fn load(
    conn: &mut SqliteConnection,
    contact: ContactId,
    at: DateTime<Utc>,
    after: TimeDelta,
    now: DateTime<Utc>,
) -> Result<Option<CheckContext>, StoreError> {
    let rules = load_rules(conn).await?;
    load_with(conn, rules, contact, at, after, now).await
}

/// [`load`] with a rule set already read.
pub(super) async fn load_with(
    conn: &mut SqliteConnection,
    rules: Rules,
    contact: ContactId,
    at: DateTime<Utc>,
    after: TimeDelta,
    now: DateTime<Utc>,
) -> Result<Option<CheckContext>, StoreError> {
    let Some(row) = contact_row(conn, contact).await? else {
        return Ok(None);
    };
    let facts = row.facts(now)?;
    let reach = rules.reach();
    let mut ledger = read_ledger(conn, contact, at - reach, at + after + reach).await?;
    if let (Some(claim), Some(name)) = (facts.claim, row.owner_name.as_ref()) {
        ledger.names.insert_user(claim.owner, name.clone());
    }
    Ok(Some(CheckContext {
        rules,
        facts,
        ledger,
    }))
}
