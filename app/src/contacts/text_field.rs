//! A labelled text input of the contact forms, with its hint and the error for its field.

use super::form_error::message_for;
use crate::error::AppError;
use crate::ui::style::{FIELD_ERROR, INPUT, LABEL};
use leptos::prelude::*;

/// A labelled text input named `name`, with its error from `error`.
#[component]
pub fn Field(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
    /// What the field shows first (a stored value, on an edit form).
    #[prop(optional, into)]
    value: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let described = format!(
        "{name}-error{}",
        if hint.is_some() {
            format!(" {name}-hint")
        } else {
            String::new()
        }
    );
    view! {
        <div>
            <label for=name class=LABEL>{label} {required.then_some(" (required)")}</label>
            <input id=name name=name type=kind.unwrap_or("text") required=required class=INPUT
                value=value aria-describedby=described />
            {hint.map(|h| view! { <p id=format!("{name}-hint") class="mt-1 text-xs text-slate-600 dark:text-slate-400">{h}</p> })}
            <p id=format!("{name}-error") class=FIELD_ERROR>{move || message_for(&error.get(), name)}</p>
        </div>
    }
}
