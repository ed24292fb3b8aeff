//! Touches: schedule one atomically (check and insert in one write transaction), check one
//! without storing it (dry run, the send gate), reschedule and cancel with optimistic
//! concurrency, read them back.

mod cancel;
mod check;
mod context;
mod explain;
mod get;
mod lease;
mod list;
mod reschedule;
mod schedule;
mod try_move;

pub use cancel::cancel;
pub use check::{check, dry_run, Checked};
pub use explain::{explain_again, explain_listed};
pub use get::{get_touch, touch_row};
pub use lease::{lease_due, BlockedTouch, LeaseRequest, Leased};
pub use list::{list_touches, TouchFilter};
pub use reschedule::reschedule;
pub use schedule::{log, schedule, ScheduleError, Scheduled};
pub use try_move::{move_unless_blocked, Moved};

use crate::domain::{Conflict, Severity};

/// Whether any conflict blocks.
fn blocked(conflicts: &[Conflict]) -> bool {
    conflicts.iter().any(|c| c.severity == Severity::Block)
}

/// The rule ids of the conflicts, for audit details.
fn rule_ids(conflicts: &[Conflict]) -> Vec<&'static str> {
    conflicts.iter().map(|c| c.rule.as_str()).collect()
}
