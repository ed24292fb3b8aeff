//! Reading one contact's ledger around an instant: the touches and the interactions in a time
//! range, one indexed range query each (`touches_contact_time`, `interactions_contact_time`),
//! with the team and user names explanations need. Read in a transaction through sqlx, or on
//! a [`Reader`](super::reader::Reader) connection for the send gate.

use super::reader;
use super::rows::{secs, InteractionRow, TouchRow, INTERACTION_SELECT, TOUCH_SELECT};
use super::StoreError;
use crate::domain::ids::ContactId;
use crate::domain::{Interaction, Ledger, Names, Touch};
use crate::store::db;
use chrono::{DateTime, Utc};
use db::Conn;
use std::sync::LazyLock;

/// A contact's ledger in a range, owned; [`LedgerRows::view`] lends it to the engine.
#[derive(Clone, Debug, Default)]
pub struct LedgerRows {
    /// The touch rows (any status), by `scheduled_at`.
    pub rows: Vec<TouchRow>,
    /// The same touches as the engine sees them.
    pub touches: Vec<Touch>,
    /// The interactions, by `at`.
    pub interactions: Vec<InteractionRow>,
    /// The interactions as the engine sees them.
    pub inbound: Vec<Interaction>,
    /// Team and author names of the touches (and the owner, when added).
    pub names: Names,
}

impl LedgerRows {
    /// The engine's view of this ledger.
    pub fn view(&self) -> Ledger<'_> {
        Ledger::new(&self.touches, &self.inbound).with_names(&self.names)
    }
}

/// The contact's touches scheduled in `[from, to)` and interactions in `[from, to)`.
pub async fn read_ledger(
    conn: &mut Conn,
    contact: ContactId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<LedgerRows, StoreError> {
    let rows: Vec<TouchRow> = db::query_as(TOUCHES_SQL.as_str())
        .bind(contact.0)
        .bind(secs(from))
        .bind(secs(to))
        .fetch_all(&mut *conn)
        .await?;
    let interactions: Vec<InteractionRow> = db::query_as(INTERACTIONS_SQL.as_str())
        .bind(contact.0)
        .bind(secs(from))
        .bind(secs(to))
        .fetch_all(&mut *conn)
        .await?;
    LedgerRows::from_rows(rows, interactions)
}

/// [`read_ledger`] on a synchronous [`Reader`](super::reader::Reader) connection.
pub fn read_ledger_on(
    conn: &rusqlite::Connection,
    contact: ContactId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<LedgerRows, StoreError> {
    let range = (contact.0, secs(from), secs(to));
    let rows = reader::rows(conn, &TOUCHES_SQL, range)?;
    let interactions = reader::rows(conn, &INTERACTIONS_SQL, range)?;
    LedgerRows::from_rows(rows, interactions)
}

/// A contact's touches in a range (built once: the send gate asks on every request).
static TOUCHES_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{TOUCH_SELECT} WHERE t.contact_id = ? AND t.scheduled_at >= ? AND t.scheduled_at < ?
         ORDER BY t.scheduled_at, t.id"
    )
});

/// A contact's interactions in a range.
static INTERACTIONS_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{INTERACTION_SELECT} WHERE i.contact_id = ? AND i.at >= ? AND i.at < ?
         ORDER BY i.at, i.id"
    )
});

impl LedgerRows {
    /// The ledger of the rows read, with the engine's views and the names.
    fn from_rows(
        rows: Vec<TouchRow>,
        interactions: Vec<InteractionRow>,
    ) -> Result<Self, StoreError> {
        let mut names = Names::new();
        let mut touches = Vec::with_capacity(rows.len());
        for row in &rows {
            row.add_names(&mut names);
            touches.push(row.touch()?);
        }
        let inbound = interactions
            .iter()
            .map(InteractionRow::interaction)
            .collect::<Result<_, _>>()?;
        Ok(LedgerRows {
            rows,
            touches,
            interactions,
            inbound,
            names,
        })
    }
}
