//! What a check found, in words: the decision, each conflict with its rule, and the next
//! allowed slot.

use crate::domain::{Decision, Severity, TimeZone};
use crate::error::AppError;
use crate::records::Checked;
use crate::ui::local_datetime;
use leptos::prelude::*;

/// The outcome of checking a draft, or why it could not be checked.
#[component]
pub fn CheckReport(result: Result<Checked, AppError>, zone: TimeZone) -> impl IntoView {
    let checked = match result {
        Ok(checked) => checked,
        Err(error) => return view! {
            <p class="text-sm font-medium text-red-800 dark:text-red-300" data-testid="check-error">
                {error.to_string()}
            </p>
        }
        .into_any(),
    };
    let (headline, tone) = match checked.decision {
        Decision::Allow => (
            "No conflicts: this touch would be planned.",
            "border-emerald-600",
        ),
        Decision::Warn => (
            "Warnings: it would be planned, but read them first.",
            "border-amber-500",
        ),
        Decision::Block => (
            "Blocked: saving it sends it to a manager for review.",
            "border-red-600",
        ),
    };
    let conflicts = checked
        .conflicts
        .iter()
        .map(|c| {
            let severity = if c.severity == Severity::Block {
                "blocks"
            } else {
                "warns"
            };
            view! {
                <li data-rule=c.rule.as_str()>
                    <crate::ui::RuleName rule=c.rule /> " " {severity} ": " {c.message.clone()}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class=format!("border-l-4 {tone} pl-3")>
            <p class="font-medium" data-testid="check-decision" data-decision=checked.decision.as_str()>
                {headline}
            </p>
            <ul class="mt-1 list-disc space-y-1 pl-5 text-sm">{conflicts}</ul>
            {(checked.decision == Decision::Block).then(|| match checked.next_allowed_at {
                Some(at) => view! {
                    <p class="mt-1 text-sm" data-testid="next-allowed">
                        "Next allowed slot: " <strong>{local_datetime(at, zone)}</strong>
                    </p>
                }.into_any(),
                None => view! {
                    <p class="mt-1 text-sm">"No allowed slot in the next 14 days."</p>
                }.into_any(),
            })}
        </div>
    }
    .into_any()
}
