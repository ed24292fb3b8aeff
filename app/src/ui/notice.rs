//! The line that says how the last action went: a success in words, or the refusal to fix.

use leptos::prelude::*;

/// Shows `message`: `Ok` in a polite status region, `Err` in an alert region. Both regions are
/// always in the page, so screen readers announce a change.
#[component]
pub fn Notice(#[prop(into)] message: Signal<Option<Result<String, String>>>) -> impl IntoView {
    let ok = move || match message.get() {
        Some(Ok(text)) => Some(view! {
            <p class="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
                {text}
            </p>
        }),
        _ => None,
    };
    let err = move || match message.get() {
        Some(Err(text)) => Some(view! {
            <p class="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
                {text}
            </p>
        }),
        _ => None,
    };
    view! {
        <div role="status">{ok}</div>
        <div role="alert">{err}</div>
    }
}

/// An error as a sentence for the notice, e.g. "Reason: a reason is required".
pub fn error_text(error: &crate::error::AppError) -> String {
    let text = error.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// The box of a finished action: green when it is done, amber when it waits on someone (a
/// manager's review), so that waiting never reads as done.
pub fn outcome_box(waiting: bool) -> &'static str {
    if waiting {
        "rounded-lg border border-amber-500 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    } else {
        "rounded-lg border border-emerald-600 bg-emerald-50 p-3 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    }
}
