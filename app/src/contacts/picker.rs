//! A contact picker, an island: a text field that suggests contacts as one types (a
//! `<datalist>` filled from [`suggest_contacts`]); without JavaScript it is a plain field, and
//! the server finds the one contact the text means or says why it cannot.

use super::suggest_fn::suggest_contacts;
use leptos::prelude::*;

/// The field `name` with id `id`, labelled by the caller, starting with `value`.
#[island]
pub fn ContactPicker(id: String, name: String, value: String) -> impl IntoView {
    let typed = RwSignal::new(value.clone());
    let list = format!("{id}-suggestions");
    let found = Resource::new(
        move || typed.get(),
        |q| async move {
            if q.trim().chars().count() < 2 {
                return Vec::new();
            }
            suggest_contacts(q).await.unwrap_or_default()
        },
    );
    view! {
        <input id=id name=name type="text" required autocomplete="off" list=list.clone()
            placeholder="Type a name, email or phone"
            class="mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950"
            value=value
            on:input=move |ev| typed.set(event_target_value(&ev)) />
        <datalist id=list data-testid="contact-suggestions">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    found.await.into_iter().map(|o| view! { <option value=o.label></option> }).collect_view()
                })}
            </Transition>
        </datalist>
    }
}
