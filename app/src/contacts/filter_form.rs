//! The search and filter form of the contacts list: a plain GET form, so every filter lands in
//! the URL and the form works without JavaScript.

use super::filter::ContactFilter;
use crate::domain::Stage;
use crate::ui::{Button, Field, Input, Select};
use leptos::prelude::*;

/// A `<select>` of `options` (value, label) with `current` selected.
#[component]
fn Choice(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    current: String,
) -> impl IntoView {
    view! {
        <Field id=id label=label>
            <Select {..} id=id name=id>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = value == current;
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </Select>
        </Field>
    }
}

/// Either / yes / no choices for a flag filter.
fn yes_no(yes: &str, no: &str) -> Vec<(String, String)> {
    vec![
        (String::new(), "Either".into()),
        ("yes".into(), yes.into()),
        ("no".into(), no.into()),
    ]
}

/// The filter form, filled in with `filter`.
#[component]
pub fn FilterForm(filter: ContactFilter) -> impl IntoView {
    let stages = std::iter::once((String::new(), "Any stage".to_owned()))
        .chain(
            Stage::ALL
                .iter()
                .map(|s| (s.as_str().to_owned(), s.as_str().to_owned())),
        )
        .collect();
    let owners = vec![
        (String::new(), "Anyone or no one".to_owned()),
        ("me".into(), "Me".into()),
        ("unowned".into(), "Unowned".into()),
    ];
    let owner_known = ["", "me", "unowned"].contains(&filter.owner.as_str());
    let owners = if owner_known {
        owners
    } else {
        let mut all = owners;
        all.push((filter.owner.clone(), format!("User {}", filter.owner)));
        all
    };
    view! {
        <form method="get" action="/contacts" role="search" aria-label="Contacts"
            class="mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <div class="flex flex-col gap-2 sm:flex-row sm:items-end">
                <Field id="q" label="Search" class="grow">
                    <Input kind="search" {..} id="q" name="q" value=filter.q.clone()
                        aria-describedby="q-help" placeholder="Name, email, phone or external id" />
                </Field>
                <Button>"Search"</Button>
            </div>
            <p id="q-help" class="mt-1 text-xs text-slate-600 dark:text-slate-400">
                "Any part of a name, email or phone number matches (\"son\" finds Jo Hanson, \"555 01\" finds +1 617 555 0101); one or two letters match from the start of a name. External ids match exactly."
            </p>
            <fieldset class="mt-3">
                <legend class="text-sm font-medium">"Filters"</legend>
                <div class="mt-1 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-5">
                    <Choice id="stage" label="Stage" options=stages current=filter.stage.clone() />
                    <Choice id="owner" label="Owner" options=owners current=filter.owner.clone() />
                    <Field id="timezone" label="Time zone">
                        <Input {..} id="timezone" name="timezone" value=filter.timezone.clone()
                            placeholder="Europe/Paris" autocomplete="off" />
                    </Field>
                    <Choice id="consent_email" label="Email consent" options=yes_no("Allowed", "Unsubscribed") current=filter.consent_email.clone() />
                    <Choice id="consent_sms" label="SMS opt-in" options=yes_no("Opted in", "Not opted in") current=filter.consent_sms.clone() />
                    <Choice id="consent_phone" label="Phone consent" options=yes_no("Allowed", "Do not call") current=filter.consent_phone.clone() />
                    <Choice id="consent_mail" label="Mail consent" options=yes_no("Allowed", "Refused") current=filter.consent_mail.clone() />
                    <Choice id="dnc" label="Do not contact" options=yes_no("Flagged", "Not flagged") current=filter.dnc.clone() />
                </div>
            </fieldset>
            <div class="mt-3 flex flex-wrap gap-3">
                <Button>"Apply filters"</Button>
                <a href="/contacts" class="self-center text-sm underline">"Clear all"</a>
            </div>
        </form>
    }
}
