//! `/contacts/new`: add one contact by hand. A plain form post (sent without a reload when
//! JavaScript is on, see `ui::enhance`); a bad field is named, nothing is saved, and the form
//! comes back with what was typed (`ui::refill`).

use super::consent_fields::{sent_consent, ConsentFields};
use super::form_error::{message_for, url_error};
use super::new_fn::CreateContact;
use super::text_field::TextField;
use crate::domain::{Consent, Stage};
use crate::ui::refill::refused;
use crate::ui::{Button, Field, Select, TextArea};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

/// The new-contact page.
#[component]
pub fn NewContactPage() -> impl IntoView {
    let action = ServerAction::<CreateContact>::new();
    let from_url = url_error::<CreateContact>();
    let error = Signal::derive(move || match action.value().get() {
        Some(Err(e)) => Some(e),
        Some(Ok(())) => None,
        None => from_url.get(),
    });
    // Without JavaScript a refused post comes back here as a new page: start with what it sent.
    let refused = refused::<CreateContact>();
    let sent = {
        let refused = refused.clone();
        move |name: &str| {
            refused
                .as_ref()
                .map_or_else(String::new, |r| r.value_or(name, String::new()))
        }
    };
    let stage = refused
        .as_ref()
        .and_then(|r| r.value("stage").map(str::to_owned))
        .unwrap_or_default();
    let (consent, do_not_contact) = refused
        .as_ref()
        .map_or((Consent::default(), false), sent_consent);
    let address = sent("address");
    view! {
        <Title text="New contact" />
        <p class="text-sm"><a href="/contacts" class="underline">"← Contacts"</a></p>
        <h1 class="mt-1 text-2xl font-semibold">"New contact"</h1>
        <div role="alert" class="mt-2 text-sm font-medium text-red-700 dark:text-red-400" data-testid="form-error">
            {move || error.get().map(|e| format!("Nothing was saved: {e}"))}
        </div>
        <ActionForm action attr:class="mt-3 max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <TextField name="name" label="Name" required=true value=sent("name") error />
            <TextField name="email" label="Email" kind="email" value=sent("email") error />
            <TextField name="phone" label="Phone" kind="tel" value=sent("phone") error />
            <Field id="address" label="Postal address">
                <TextArea {..} id="address" name="address" rows="3" aria-describedby="address-hint">{address}</TextArea>
                <p id="address-hint" class="mt-1 text-xs text-slate-600 dark:text-slate-400">"One line per line of the address."</p>
            </Field>
            <TextField name="timezone" label="Time zone" required=true value=sent("timezone") error
                hint="An IANA name such as America/New_York or Europe/Paris." />
            <Field id="stage" label="Stage" error=Signal::derive(move || message_for(&error.get(), "stage"))>
                <Select {..} id="stage" name="stage">
                    {Stage::ALL.iter().map(|s| view! { <option value=s.as_str() selected={s.as_str() == stage}>{s.as_str()}</option> }).collect_view()}
                </Select>
            </Field>
            <TextField name="external_id" label="External id" value=sent("external_id") error hint="Its id in your CRM, if any; unique." />
            <ConsentFields consent do_not_contact />
            <Button>"Add contact"</Button>
        </ActionForm>
    }
}
