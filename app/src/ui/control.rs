//! The house's form controls with their look: a text input, a select and a text area, full
//! width under their label, or `small` beside others in a row. Attributes after `{..}` go onto
//! the element: `<Input kind="date" {..} id="day" name="day" required=true />`.

use super::style::{INPUT, INPUT_SMALL};
use leptos::prelude::*;

fn look(small: bool, extra: &'static str) -> String {
    let base = if small { INPUT_SMALL } else { INPUT };
    if extra.is_empty() {
        base.to_owned()
    } else {
        format!("{base} {extra}")
    }
}

/// An `<input>` of type `kind` ("text" unless told); `class` adds to its look (a monospace
/// font).
#[component]
pub fn Input(
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] small: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    view! { <input type=kind class=look(small, class) /> }
}

/// A `<select>` of the children (its options).
#[component]
pub fn Select(#[prop(optional)] small: bool, children: Children) -> impl IntoView {
    view! { <select class=look(small, "")>{children()}</select> }
}

/// A `<textarea>` holding the children (its first text) when there are any; `class` adds to
/// its look.
#[component]
pub fn TextArea(
    #[prop(optional)] class: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! { <textarea class=look(false, class)>{children.map(|c| c())}</textarea> }
}
