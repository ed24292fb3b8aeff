//! Server function: approve or reject a touch awaiting review, with a reason.

use crate::domain::TouchStatus;
use crate::error::AppError;
use leptos::prelude::*;

/// Decides touch `touch_id`: `decision` is `approve` (an override of its block rules) or
/// `reject`; `reason` is required. Answers the touch's new status.
#[server(name = DecideTouch, prefix = "/api", endpoint = "review/decide")]
pub async fn decide_touch(
    touch_id: i64,
    decision: String,
    reason: String,
) -> Result<TouchStatus, AppError> {
    use crate::domain::ids::TouchId;
    use crate::domain::ReviewDecision;

    let (state, user) = crate::auth::require::allowed(crate::domain::Action::Review).await?;
    let decision =
        ReviewDecision::parse(&decision).map_err(|e| AppError::Validation(e.to_string()))?;
    let now = chrono::Utc::now();
    let touch = crate::store::reviews::review(
        &state.pool,
        TouchId(touch_id),
        user.id,
        user.role,
        decision,
        &reason,
        now,
    )
    .await
    .map_err(|failure| match AppError::from(failure) {
        AppError::Validation(message) => {
            AppError::Validation(format!("{message} (touch #{touch_id})"))
        }
        other => other,
    })?;
    crate::ui::flash::kept::<DecideTouch>(Ok(touch.status)).await
}
