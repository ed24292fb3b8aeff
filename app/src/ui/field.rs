//! A labelled form control: the label above, the control under it, then, when there are any,
//! a hint and the field's error. The control is the caller's ([`Input`](super::Input),
//! [`Select`](super::Select), [`TextArea`](super::TextArea) or the contact picker), with the
//! id the label names; `{id}-hint` and `{id}-error` are the ids its `aria-describedby` can use.

use super::style::{FIELD_ERROR, LABEL};
use leptos::prelude::*;

/// The label `label` for the control `id` (the children), with an optional `hint` and `error`.
#[component]
pub fn Field(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    /// The field's error in words, kept in the page (empty when none) so a change is announced.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// Classes for the wrapper (a grid column span).
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let hint = hint.map(|text| {
        view! { <p id=format!("{id}-hint") class="mt-1 text-xs text-slate-600 dark:text-slate-400">{text}</p> }
    });
    let error = error.map(|error| {
        view! { <p id=format!("{id}-error") class=FIELD_ERROR>{move || error.get()}</p> }
    });
    view! {
        <div class=(!class.is_empty()).then_some(class)>
            <label for=id.clone() class=LABEL>{label}</label>
            {children()}
            {hint}
            {error}
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::ui::Input;

    #[test]
    fn the_label_names_the_control_and_the_hint_and_error_have_the_ids_it_points_at() {
        let html = Owner::new().with(|| {
            let error = Signal::stored(Some("Name: is required".to_owned()));
            view! {
                <Field id="name" label="Name" hint="As it should appear" error class="grow">
                    <Input {..} id="name" name="name" aria-describedby="name-hint name-error" />
                </Field>
            }
            .to_html()
        });
        assert!(html.starts_with("<div class=\"grow\">"), "{html}");
        assert!(
            html.contains(&format!(
                "<label for=\"name\" class=\"{LABEL}\">Name</label>"
            )),
            "{html}"
        );
        assert!(html.contains("<input type=\"text\""), "{html}");
        assert!(
            html.contains("id=\"name\"") && html.contains("name=\"name\""),
            "{html}"
        );
        assert!(
            html.contains("id=\"name-hint\"") && html.contains("As it should appear"),
            "{html}"
        );
        assert!(
            html.contains("id=\"name-error\"") && html.contains("Name: is required"),
            "{html}"
        );
    }

    #[test]
    fn without_a_hint_or_error_there_are_none() {
        let html = view! {
            <Field id="q" label="Search"><Input kind="search" {..} id="q" /></Field>
        }
        .to_html();
        assert!(
            !html.contains("q-hint") && !html.contains("q-error"),
            "{html}"
        );
        assert!(html.contains("<input type=\"search\""), "{html}");
    }
}
