//! A rule as people read it: its plain name ("Daily cap"), with its id (`daily_cap`) small
//! beside it for those who configure rules or read the API.

use crate::domain::RuleId;
use leptos::prelude::*;

/// The rule's name and, in small type, its id.
#[component]
pub fn RuleName(rule: RuleId) -> impl IntoView {
    view! {
        <span class="font-semibold">{rule.title()}</span>
        " "
        <code class="text-xs font-normal text-slate-600 dark:text-slate-400">{rule.as_str()}</code>
    }
}
