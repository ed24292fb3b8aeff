//! Reading one contact's ledger around an instant: the touches and the interactions in a time
//! range, one indexed range query each (`touches_contact_time`, `interactions_contact_time`),
//! with the team and user names explanations need.

use super::rows::{secs, InteractionRow, TouchRow, INTERACTION_SELECT, TOUCH_SELECT};
use super::StoreError;
use crate::domain::ids::ContactId;
use crate::domain::{Interaction, Ledger, Names, Touch};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

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
    conn: &mut SqliteConnection,
    contact: ContactId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<LedgerRows, StoreError> {
    let rows: Vec<TouchRow> = sqlx::query_as(&format!(
        "{TOUCH_SELECT} WHERE t.contact_id = ? AND t.scheduled_at >= ? AND t.scheduled_at < ?
         ORDER BY t.scheduled_at, t.id"
    ))
    .bind(contact.0)
    .bind(secs(from))
    .bind(secs(to))
    .fetch_all(&mut *conn)
    .await?;
    let interactions: Vec<InteractionRow> = sqlx::query_as(&format!(
        "{INTERACTION_SELECT} WHERE i.contact_id = ? AND i.at >= ? AND i.at < ?
         ORDER BY i.at, i.id"
    ))
    .bind(contact.0)
    .bind(secs(from))
    .bind(secs(to))
    .fetch_all(&mut *conn)
    .await?;
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
