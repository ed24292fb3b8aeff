//! The server function behind the new-contact form, through the same parse
//! ([`NewContact::parse`]) and store write as `POST /api/v1/contacts`.
//!
//! [`NewContact::parse`]: crate::domain::NewContact::parse

// The server macro repeats the signature; `expect` would go unfulfilled on one of the copies.
#![allow(clippy::too_many_arguments, reason = "one argument per form field")]

use crate::error::AppError;
use leptos::prelude::*;

/// Creates the contact and sends the browser to its edit form (`?created=1`). Optional text
/// fields may be blank; checkboxes send a value only when ticked.
#[server(endpoint = "contacts/create")]
pub async fn create_contact(
    name: String,
    email: String,
    phone: String,
    address: String,
    timezone: String,
    stage: String,
    external_id: String,
    consent_email: Option<String>,
    consent_sms: Option<String>,
    consent_phone: Option<String>,
    consent_mail: Option<String>,
    do_not_contact: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::require::allowed;
    use crate::domain::{Action, Consent, ContactInput, NewContact};

    let (state, user) = allowed(Action::Plan).await?;
    let input = ContactInput {
        name,
        email: Some(email),
        phone: Some(phone),
        address: Some(address),
        timezone,
        stage,
        consent: Some(Consent {
            email: consent_email.is_some(),
            sms: consent_sms.is_some(),
            phone: consent_phone.is_some(),
            mail: consent_mail.is_some(),
        }),
        do_not_contact: do_not_contact.is_some(),
        external_id: Some(external_id),
        ..ContactInput::default()
    };
    let contact = NewContact::parse(&input)?;
    let created = crate::store::contacts::create_contact(
        &state.pool,
        &contact,
        Some(user.id),
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!("/contacts/{}/edit?created=1", created.id));
    Ok(())
}
