//! Server function: give an owned contact back to the leads board.

use crate::error::AppError;
use leptos::prelude::*;

/// Releases the live claim on `contact_id`; its owner (or a manager) may.
#[server(name = ReleaseLead, prefix = "/api", endpoint = "leads/release")]
pub async fn release_lead(contact_id: i64) -> Result<(), AppError> {
    use crate::domain::ids::ContactId;

    let (state, user) = crate::auth::require::allowed(crate::domain::Action::Plan).await?;
    let now = chrono::Utc::now();
    let released =
        crate::store::claims::release(&state.pool, ContactId(contact_id), user.id, user.role, now)
            .await
            .map_err(AppError::from);
    crate::ui::flash::kept::<ReleaseLead>(released).await
}
