//! Server function: give a contact to another user, with a reason.

use crate::error::AppError;
use leptos::prelude::*;

/// Reassigns the contact `contact` names (a picker's label, a number, or a search that finds
/// one contact) to user `user_id`; `reason` is required.
#[server(name = ReassignContact, prefix = "/api", endpoint = "review/reassign")]
pub async fn reassign_contact(
    contact: String,
    user_id: i64,
    reason: String,
) -> Result<(), AppError> {
    use crate::domain::ids::UserId;

    let (state, user) = crate::auth::require::allowed(crate::domain::Action::ManageClaims).await?;
    let now = chrono::Utc::now();
    let contact = crate::store::contacts::pick::pick(&state.pool, &contact, now)
        .await
        .map_err(|e| e.log_as_internal())?
        .map_err(|e| AppError::Validation(format!("contact: {e}")))?;
    crate::store::claims::reassign(
        &state.pool,
        contact,
        UserId(user_id),
        user.id,
        user.role,
        &reason,
        now,
    )
    .await?;
    crate::ui::flash::kept::<ReassignContact>(Ok(())).await
}
