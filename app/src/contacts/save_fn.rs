//! The server function behind the edit form: name, email, phone, stage, time zone, consent and
//! do-not-contact,
//! through the same parse ([`ContactChanges::parse`]) and store update as
//! `PATCH /api/v1/contacts/{id}`. A bad field is refused by name and nothing is saved.
//!
//! [`ContactChanges::parse`]: crate::domain::ContactChanges::parse

// The server macro repeats the signature; `expect` would go unfulfilled on one of the copies.
#![allow(clippy::too_many_arguments, reason = "one argument per form field")]

use crate::error::AppError;
use leptos::prelude::*;

/// Saves the edit form of contact `id`, read at `version`. Checkboxes send a value only when
/// ticked; a form without the name, email or phone field leaves that field as it is (an empty
/// email or phone clears it). On success the browser goes back to the form with `?saved=<new version>`.
#[server(endpoint = "contacts/save")]
pub async fn save_contact(
    id: i64,
    version: i64,
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    stage: String,
    timezone: String,
    consent_email: Option<String>,
    consent_sms: Option<String>,
    consent_phone: Option<String>,
    consent_mail: Option<String>,
    do_not_contact: Option<String>,
    place: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::require::allowed;
    use crate::domain::{ids::ContactId, Action, Consent, ContactChanges, ContactPatch};

    let (state, user) = allowed(Action::Plan).await?;
    // One field: a region has a dash (US-FL), a country has none (FR); empty reads them again.
    let place = place.unwrap_or_default();
    let (country, region) = if place.contains('-') {
        (String::new(), place)
    } else {
        (place, String::new())
    };
    let patch = ContactPatch {
        version,
        name,
        email,
        phone,
        stage: Some(stage),
        timezone: Some(timezone),
        consent: Some(Consent {
            email: consent_email.is_some(),
            sms: consent_sms.is_some(),
            phone: consent_phone.is_some(),
            mail: consent_mail.is_some(),
        }),
        do_not_contact: Some(do_not_contact.is_some()),
        country: Some(country),
        region: Some(region),
        ..ContactPatch::default()
    };
    let changes = ContactChanges::parse(&patch)?;
    let saved = crate::store::contacts::update_contact(
        &state.pool,
        ContactId(id),
        &changes,
        &user.actor(),
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!("/contacts/{id}/edit?saved={}", saved.version));
    Ok(())
}
