//! Moving a touch only if no rule blocks it at its new time: what the calendar's drag does,
//! so that a drop onto a conflicting slot changes nothing and can be explained (the planner
//! may then move it anyway, into review, through [`super::reschedule`]).

use super::reschedule::reschedule_checked;
use super::schedule::Scheduled;
use crate::domain::ids::TouchId;
use crate::domain::lifecycle::TouchChangeError;
use crate::domain::Actor;
use crate::domain::Conflict;
use crate::store::db;
use crate::store::Failure;
use chrono::{DateTime, Utc};
use db::Db;

/// The outcome of a move that may be refused by a blocking rule.
#[derive(Debug)]
pub enum Moved {
    /// The touch moved (with any warnings).
    Done(Box<Scheduled>),
    /// A rule blocks the new time; nothing changed. Every conflict found, blocks first.
    Blocked(Vec<Conflict>),
}

/// Moves the touch to `at` unless the client's `version` is stale, its status final, or a
/// rule blocks the new time; the check and the write are one transaction.
#[tracing::instrument(skip_all, fields(touch.id = %id))]
pub async fn move_unless_blocked(
    pool: &Db,
    id: TouchId,
    version: i64,
    at: DateTime<Utc>,
    actor: Actor,
    now: DateTime<Utc>,
) -> Result<Moved, Failure<TouchChangeError>> {
    reschedule_checked(pool, id, version, at, actor, now, true).await
}
