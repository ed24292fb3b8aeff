//! A labelled text input of the contact forms, with its hint and the error for its field.

use super::form_error::message_for;
use crate::error::AppError;
use crate::ui::{Field, Input};
use leptos::prelude::*;

/// A labelled text input named `name`, with its error from `error`.
#[component]
pub fn TextField(
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
    let described = match hint {
        Some(_) => format!("{name}-error {name}-hint"),
        None => format!("{name}-error"),
    };
    let label = if required {
        format!("{label} (required)")
    } else {
        label.to_owned()
    };
    let message = Signal::derive(move || message_for(&error.get(), name));
    view! {
        <Field id=name label nostrip:hint=hint.map(String::from) error=message>
            <Input kind=kind.unwrap_or("text") {..} id=name name=name required=required
                value=value aria-describedby=described />
        </Field>
    }
}
