//! Server function: map a dead letter again, after its cause was fixed.

use crate::error::AppError;
use leptos::prelude::*;

/// Replays dead letter `id`; refused, with the reason, while it still cannot be mapped.
#[server(prefix = "/api", endpoint = "replay_dead_letter")]
pub async fn replay_dead_letter(id: i64) -> Result<i64, AppError> {
    use crate::domain::Action;
    use crate::store::senders::{self, ReplayError};
    use crate::store::Failure;

    let (state, me) = crate::auth::require::allowed(Action::ManageSources).await?;
    let replayed = senders::replay(&state.pool, id, me.id, chrono::Utc::now())
        .await
        .map(|()| id)
        .map_err(|failure| match failure {
            Failure::Refused(e @ ReplayError::NotFound) => AppError::NotFound(e.to_string()),
            Failure::Refused(e @ ReplayError::AlreadyReplayed) => AppError::Conflict(e.to_string()),
            Failure::Refused(e @ ReplayError::StillUnmapped(_)) => {
                AppError::Validation(e.to_string())
            }
            Failure::Store(e) => e.log_as_internal(),
        });
    crate::ui::flash::kept::<ReplayDeadLetter>(replayed).await
}
