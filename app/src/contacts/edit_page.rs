//! `/contacts/{id}/edit`: change a contact's name, email, phone, stage, time zone, consent and
//! do-not-contact flag.
//! A plain form post (sent without a reload when JavaScript is on, see `ui::enhance`).

use super::consent_fields::{sent_consent, ConsentFields};
use super::form_error::{message_for, url_error};
use super::load_fn::load_contact;
use super::place_field::{by_hand, PlaceField};
use super::save_fn::SaveContact;
use super::text_field::TextField;
use crate::domain::Stage;
use crate::records::Contact;
use crate::ui::refill::refused;
use crate::ui::style::FIELD_ERROR;
use crate::ui::{Button, Field, Input, Select};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The edit page of the contact in the path.
#[component]
pub fn EditContactPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|v| v.parse::<i64>().ok()));
    // A save sends the browser to `?saved=<version>`: a new key, so the form reloads.
    let saved = Memo::new(move |_| query.read().get("saved"));
    let contact = Resource::new(
        move || (id.get(), saved.get()),
        |(id, _)| async move {
            match id {
                Some(id) => load_contact(id).await,
                None => Err(crate::error::AppError::NotFound("that contact".into())),
            }
        },
    );
    view! {
        <Title text="Edit contact" />
        <Transition fallback=|| view! { <p role="status">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match contact.await {
                    Ok(contact) => view! { <EditForm contact /> }.into_any(),
                    Err(e) => view! {
                        <h1 class="text-2xl font-semibold">"Edit contact"</h1>
                        <p role="alert" class="mt-2 font-medium text-red-700 dark:text-red-400">{e.to_string()}</p>
                        <p class="mt-2"><a href="/contacts" class="underline">"Back to contacts"</a></p>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The form itself, filled in with the stored contact.
#[component]
fn EditForm(contact: Contact) -> impl IntoView {
    let action = ServerAction::<SaveContact>::new();
    let from_url = url_error::<SaveContact>();
    let query = use_query_map();
    let error = move || match action.value().get() {
        Some(Err(e)) => Some(e),
        Some(Ok(())) => None,
        None => from_url.get(),
    };
    let saved = move || {
        error().is_none()
            && (matches!(action.value().get(), Some(Ok(()))) || query.read().get("saved").is_some())
    };
    let id = contact.id.0;
    // Without JavaScript a refused save of this contact comes back as a new page: its fields
    // start with what was typed, not with what is stored (`ui::refill`).
    let refused = refused::<SaveContact>().filter(|r| r.value("id") == Some(&id.to_string()));
    let typed = {
        let refused = refused.clone();
        move |name: &str, stored: String| match &refused {
            Some(r) => r.value_or(name, stored),
            None => stored,
        }
    };
    let stage = refused
        .as_ref()
        .and_then(|r| r.value("stage")?.parse().ok())
        .unwrap_or(contact.stage);
    let (consent, do_not_contact) = refused
        .as_ref()
        .map_or((contact.consent, contact.do_not_contact), sent_consent);
    let email = contact
        .email
        .as_ref()
        .map(|e| e.as_str().to_owned())
        .unwrap_or_default();
    let phone = contact
        .phone
        .as_ref()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_default();
    let place = contact.jurisdiction();
    let zone = typed("timezone", contact.timezone.name().to_owned());
    view! {
        <p class="text-sm"><a href="/contacts" class="underline">"← Contacts"</a></p>
        <h1 class="mt-1 text-2xl font-semibold">"Edit " {contact.name.clone()}</h1>
        <p class="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {contact.email.as_ref().map(|e| e.as_str().to_owned())} " "
            <a href=format!("/contacts/{id}") class="underline">"Open the timeline"</a>
        </p>
        <div role="status" class="mt-3 min-h-6 text-sm font-medium text-green-800 dark:text-green-300" data-testid="saved">
            {move || {
                if query.read().get("created").is_some() && action.value().get().is_none() {
                    Some("Contact added.")
                } else {
                    saved().then_some("Saved.")
                }
            }}
        </div>
        <div role="alert" class="text-sm font-medium text-red-700 dark:text-red-400" data-testid="form-error">
            {move || error().map(|e| format!("Nothing was saved: {e}"))}
        </div>
        <ActionForm action attr:class="mt-3 max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="version" value=contact.version />
            <TextField name="name" label="Name" required=true value=typed("name", contact.name.clone()) error=Signal::derive(error) />
            <TextField name="email" label="Email" kind="email" value=typed("email", email) error=Signal::derive(error)
                hint="Empty removes it." />
            <TextField name="phone" label="Phone" kind="tel" value=typed("phone", phone) error=Signal::derive(error)
                hint="Empty removes it. A changed number is checked against the do-not-call lists." />
            <Field id="stage" label="Stage" error=Signal::derive(move || message_for(&error(), "stage"))>
                <Select {..} id="stage" name="stage">
                    {Stage::ALL.iter().map(|s| view! {
                        <option value=s.as_str() selected={*s == stage}>{s.as_str()}</option>
                    }).collect_view()}
                </Select>
            </Field>
            <Field id="timezone" label="Time zone">
                <Input {..} id="timezone" name="timezone" required=true
                    value=zone aria-describedby="timezone-error timezone-hint" />
                <p id="timezone-hint" class="mt-1 text-xs text-slate-600 dark:text-slate-400">
                    "An IANA name such as America/New_York or Europe/Paris."
                </p>
                <p id="timezone-error" class=FIELD_ERROR data-testid="timezone-error">
                    {move || message_for(&error(), "timezone")}
                </p>
            </Field>
            <PlaceField place typed=typed("place", by_hand(&place)) error=Signal::derive(error) />
            <ConsentFields consent do_not_contact />
            <RestoreNote />
            <Button>"Save changes"</Button>
        </ActionForm>
    }
}

/// For the roles that may not make a contact reachable again, says so beside the boxes.
#[component]
fn RestoreNote() -> impl IntoView {
    use crate::domain::Action;
    let user = use_context::<crate::app::UserResource>();
    let note = move || {
        Suspend::new(async move {
            let user = match user {
                Some(user) => user.await.ok().flatten(),
                None => None,
            };
            user.filter(|u| !u.role.may(Action::RestoreConsent)).map(|_| {
                view! {
                    <p class="text-xs text-slate-600 dark:text-slate-400" data-testid="restore-note">
                        "You can untick consent and tick Do not contact. Ticking consent again "
                        "or lifting Do not contact is for a manager or an admin."
                    </p>
                }
            })
        })
    };
    view! { <Suspense fallback=|| ()>{note}</Suspense> }
}
