//! The pressure dashboard's numbers, aggregated in SQL (GROUP BY) over a date range and an
//! optional team, so the page never loads touches one by one.

mod conflicts;
mod named;
mod per_week;
mod replies;
mod trends;

pub use conflicts::{conflicts, ConflictCount};
pub use named::named;
pub use per_week::touches_per_contact_week;
pub use replies::{reply_times, REPLY_BUCKETS};
pub use trends::{weekly_trends, WeekTrend};

use crate::domain::ids::TeamId;
use chrono::{DateTime, Utc};

/// The statuses of touches that reach (or will reach) a contact: what counts as pressure.
pub(crate) const OUTBOUND: &str = "('planned', 'pending_review', 'approved', 'sent')";

/// Seconds in a week: weeks are counted from the start of the range.
pub(crate) const WEEK: i64 = 7 * 24 * 3600;

/// What to aggregate over: instants in `[from, to)`, one team's touches or all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// The first instant included.
    pub from: DateTime<Utc>,
    /// The first instant excluded.
    pub to: DateTime<Utc>,
    /// Only this team's touches (and contacts its members own), or every team.
    pub team: Option<TeamId>,
}

impl Range {
    pub(crate) fn bounds(&self) -> (i64, i64, Option<i64>) {
        (
            self.from.timestamp(),
            self.to.timestamp(),
            self.team.map(|t| t.0),
        )
    }

    /// How many weeks the range spans (a last partial week counts).
    pub fn weeks(&self) -> i64 {
        let (from, to, _) = self.bounds();
        ((to - from).max(1) + WEEK - 1) / WEEK
    }
}
