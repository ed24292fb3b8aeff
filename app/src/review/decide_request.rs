//! Server function: grant a claim request (the contact goes to the requester) or decline it,
//! with a reason.

use crate::error::AppError;
use leptos::prelude::*;

/// Decides claim request `request_id`: `decision` is `grant` or `decline`; `reason` is required.
#[server(name = DecideRequest, prefix = "/api", endpoint = "review/request")]
pub async fn decide_request(
    request_id: i64,
    decision: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::domain::ids::ClaimRequestId;

    let (state, user) = crate::auth::require::allowed(crate::domain::Action::ManageClaims).await?;
    let request = ClaimRequestId(request_id);
    let now = chrono::Utc::now();
    let pool = &state.pool;
    match decision.as_str() {
        "grant" => {
            crate::store::claims::grant(pool, request, user.id, user.role, &reason, now).await?;
        }
        "decline" => {
            crate::store::claims::decline(pool, request, user.id, user.role, &reason, now).await?;
        }
        other => {
            return Err(AppError::Validation(format!(
                "decision: expected grant or decline, not {other:?}"
            )))
        }
    }
    crate::ui::flash::kept::<DecideRequest>(Ok(())).await
}
