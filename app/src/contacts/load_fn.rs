//! The server function that loads one contact for its edit form.

use crate::error::AppError;
use crate::records::Contact;
use leptos::prelude::*;

/// The contact `id` as stored now; `NotFound` when there is none.
#[server(endpoint = "contacts/load")]
pub async fn load_contact(id: i64) -> Result<Contact, AppError> {
    use crate::auth::require::allowed;
    use crate::domain::{ids::ContactId, Action};

    let (state, _user) = allowed(Action::Plan).await?;
    crate::store::contacts::get_contact(&state.pool, ContactId(id), chrono::Utc::now())
        .await
        .map_err(|e| e.log_as_internal())?
        .ok_or_else(|| AppError::NotFound(format!("contact {id}")))
}
