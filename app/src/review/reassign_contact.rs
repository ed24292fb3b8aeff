//! Server function: give a contact to another user, with a reason.

use crate::error::AppError;
use leptos::prelude::*;

/// Reassigns contact `contact_id` to user `user_id`; `reason` is required.
#[server(name = ReassignContact, prefix = "/api", endpoint = "review/reassign")]
pub async fn reassign_contact(
    contact_id: i64,
    user_id: i64,
    reason: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{ContactId, UserId};

    let (state, user) = crate::auth::require::allowed(crate::domain::Action::ManageClaims).await?;
    let now = chrono::Utc::now();
    crate::store::claims::reassign(
        &state.pool,
        ContactId(contact_id),
        UserId(user_id),
        user.id,
        user.role,
        &reason,
        now,
    )
    .await?;
    crate::ui::flash::kept::<ReassignContact>(Ok(())).await
}
