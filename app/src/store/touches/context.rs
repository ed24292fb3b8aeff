//! What checking one touch needs, read in one go: the stored rules, the contact's facts and its
//! ledger around the instant; through sqlx inside a write, or on a reader connection for a
//! dry run.

use crate::domain::ids::ContactId;
use crate::domain::{ContactFacts, Rules};
use crate::store::contacts::{contact_row, lock_contact_row};
use crate::store::db;
use crate::store::ledger::{read_ledger, read_ledger_on, LedgerRows};
use crate::store::reader;
use crate::store::rows::{ContactRow, CONTACT_BY_ID};
use crate::store::rules::load_rules;
use crate::store::StoreError;
use chrono::{DateTime, TimeDelta, Utc};
use db::Conn;

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
    conn: &mut Conn,
    contact: ContactId,
    at: DateTime<Utc>,
    after: TimeDelta,
    now: DateTime<Utc>,
) -> Result<Option<CheckContext>, StoreError> {
    let rules = load_rules(conn).await?;
    load_with(conn, rules, contact, at, after, now).await
}

/// [`load`], with a rule set already read.
pub(super) async fn load_with(
    conn: &mut Conn,
    rules: Rules,
    contact: ContactId,
    at: DateTime<Utc>,
    after: TimeDelta,
    now: DateTime<Utc>,
) -> Result<Option<CheckContext>, StoreError> {
    let Some(row) = contact_row(conn, contact).await? else {
        return Ok(None);
    };
    ledger_around(conn, rules, &row, at, after, now)
        .await
        .map(Some)
}

/// [`load_with`], locking the contact first (see [`lock_contact_row`]): the transaction needs
/// no lock taken before.
pub(super) async fn lock_and_load(
    conn: &mut Conn,
    rules: Rules,
    contact: ContactId,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Option<CheckContext>, StoreError> {
    let Some(row) = lock_contact_row(conn, contact).await? else {
        return Ok(None);
    };
    ledger_around(conn, rules, &row, at, TimeDelta::zero(), now)
        .await
        .map(Some)
}

/// The context of the contact `row`, with its ledger read around `at`.
async fn ledger_around(
    conn: &mut Conn,
    rules: Rules,
    row: &ContactRow,
    at: DateTime<Utc>,
    after: TimeDelta,
    now: DateTime<Utc>,
) -> Result<CheckContext, StoreError> {
    let reach = rules.reach();
    let contact = ContactId(row.id);
    let ledger = read_ledger(conn, contact, at - reach, at + after + reach).await?;
    CheckContext::new(rules, row, ledger, now)
}

/// [`load`], with a rule set already read, on a synchronous [`Reader`](crate::store::reader::Reader) connection.
pub(super) fn read_on(
    conn: &rusqlite::Connection,
    rules: Rules,
    contact: ContactId,
    at: DateTime<Utc>,
    after: TimeDelta,
    now: DateTime<Utc>,
) -> Result<Option<CheckContext>, StoreError> {
    let Some(row) = reader::first::<ContactRow>(conn, &CONTACT_BY_ID, [contact.0])? else {
        return Ok(None);
    };
    let reach = rules.reach();
    let ledger = read_ledger_on(conn, contact, at - reach, at + after + reach)?;
    Ok(Some(CheckContext::new(rules, &row, ledger, now)?))
}

impl CheckContext {
    /// The context of the contact `row` and its `ledger`; names the owner in the ledger.
    fn new(
        rules: Rules,
        row: &ContactRow,
        mut ledger: LedgerRows,
        now: DateTime<Utc>,
    ) -> Result<Self, StoreError> {
        let facts = row.facts(now)?;
        if let (Some(claim), Some(name)) = (facts.claim, row.owner_name.as_ref()) {
            ledger.names.insert_user(claim.owner, name.clone());
        }
        Ok(Self {
            rules,
            facts,
            ledger,
        })
    }
}
