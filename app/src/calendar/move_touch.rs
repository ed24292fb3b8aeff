//! Server function: move a touch to another local day and time. A move that a rule blocks is
//! refused and explained (nothing changes) unless the planner asks to send it to review; a
//! stale version is refused too. Used by the calendar's drag and by the plain form on a
//! touch's page.

use crate::domain::TouchStatus;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a move did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveOutcome {
    /// Where the touch now is.
    pub scheduled_at: DateTime<Utc>,
    /// Its status after the re-check (`pending_review` when moved into review).
    pub status: TouchStatus,
    /// The warnings (and, in review, the blocks) found at the new time.
    pub conflicts: Vec<String>,
}

/// Moves touch `id` (at `version`) to `date` (YYYY-MM-DD) `time` (HH:MM) in the viewer's
/// zone. `review` (a checkbox: any value) moves it even when a rule blocks, as
/// `pending_review`.
#[server(prefix = "/api", endpoint = "move_touch")]
pub async fn move_touch(
    id: i64,
    version: i64,
    date: String,
    time: String,
    review: Option<String>,
) -> Result<MoveOutcome, AppError> {
    use crate::domain::ids::TouchId;
    use crate::domain::Action;
    use crate::store::touches::{move_unless_blocked, reschedule, Moved};
    use crate::ui::local_datetime;

    let (state, user) = crate::auth::require::allowed(Action::Plan).await?;
    let day = crate::domain::dates::parse_date("date", &date)?;
    let clock = chrono::NaiveTime::parse_from_str(time.trim(), "%H:%M")
        .map_err(|_| AppError::Validation("time: expected a time such as 09:30".into()))?;
    let at = user.timezone.instant(day, clock);
    let (pool, id, now) = (&state.pool, TouchId(id), Utc::now());
    let moved = if review.is_some() {
        reschedule(pool, id, version, at, user.actor(), now).await?
    } else {
        match move_unless_blocked(pool, id, version, at, user.actor(), now).await? {
            Moved::Done(moved) => *moved,
            Moved::Blocked(conflicts) => {
                let reasons: Vec<String> = conflicts
                    .into_iter()
                    .map(|c| c.message.trim_end_matches('.').to_owned())
                    .collect();
                return Err(AppError::Conflict(format!(
                    "not moved to {}: {}. Move it anyway to send it to a manager for review.",
                    local_datetime(at, user.timezone),
                    reasons.join("; ")
                )));
            }
        }
    };
    let outcome = MoveOutcome {
        scheduled_at: moved.touch.scheduled_at,
        status: moved.touch.status,
        conflicts: moved.conflicts.into_iter().map(|c| c.message).collect(),
    };
    crate::ui::flash::kept::<MoveTouch>(Ok(outcome)).await
}
