//! The start page's "Set up Concord" for admins: each step not done yet, with the settings page
//! that does it, or a line saying everything is set up.

use crate::models::setup::Setup;
use leptos::prelude::*;

/// The missing steps.
#[component]
pub fn SetupList(setup: Setup) -> impl IntoView {
    let missing = setup.missing();
    if missing.is_empty() {
        return view! {
            <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">
                "Everything is set up: senders, API tokens, rule packs, suppression lists and people."
            </p>
        }
        .into_any();
    }
    view! {
        <ul class="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
            {missing.into_iter().map(|step| view! {
                <li class="py-2 text-sm" data-testid="setup-step">
                    <a class="font-medium underline" href=step.href>{step.title}</a>
                    <span class="ml-2 text-slate-700 dark:text-slate-300">{step.why}</span>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
