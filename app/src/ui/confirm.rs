//! The confirmation step before a destructive action, without JavaScript: the page is opened
//! again with a question in the address, and shows this box with the action's form (the
//! children) beside a way back.

use super::{ButtonLink, Look};
use leptos::prelude::*;

/// A confirmation box: the question, the form that does it, and "Keep it" back to `keep`.
#[component]
pub fn ConfirmBox(
    /// The id of the question, for the dialog's label.
    #[prop(into)]
    id: String,
    question: String,
    /// Where "Keep it" goes: the page without the question.
    keep: String,
    children: Children,
) -> impl IntoView {
    let labelled = id.clone();
    view! {
        <div role="alertdialog" aria-labelledby=labelled class="mt-2 max-w-xl rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950">
            <p id=id>{question}</p>
            <div class="mt-2 flex gap-2">
                {children()}
                <ButtonLink look=Look::Secondary small=true {..} href=keep>"Keep it"</ButtonLink>
            </div>
        </div>
    }
}
