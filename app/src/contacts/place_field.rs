//! The edit form's place field: a country or region set by hand, with where the contact's
//! place comes from now and the error for it.

use super::form_error::message_for;
use crate::domain::compliance::{Jurisdiction, JurisdictionSource};
use crate::error::AppError;
use crate::ui::style::FIELD_ERROR;
use crate::ui::{Field, Input};
use leptos::prelude::*;

/// What the field starts with: only a place set by hand (saving the form must not freeze a
/// place that was read from the address).
pub fn by_hand(place: &Jurisdiction) -> String {
    (place.source == Some(JurisdictionSource::Manual))
        .then(|| {
            place
                .region
                .map(|r| r.to_string())
                .or(place.country.map(|c| c.to_string()))
        })
        .flatten()
        .unwrap_or_default()
}

/// The field for `place`, showing `typed`, with its error from `error`.
#[component]
pub fn PlaceField(
    place: Jurisdiction,
    typed: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    view! {
        <Field id="place" label="Country or region, set by hand">
            <Input {..} id="place" name="place" value=typed
                placeholder="e.g. US-FL or FR" aria-describedby="place-error place-hint" />
            <p id="place-hint" class="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="place-hint">
                "Now: " {place.describe()} ". Leave empty to read it from the address, else the phone number. An ISO code: a country (FR) or a region (US-FL)."
            </p>
            <p id="place-error" class=FIELD_ERROR>
                {move || message_for(&error.get(), "region").or_else(|| message_for(&error.get(), "country"))}
            </p>
        </Field>
    }
}
