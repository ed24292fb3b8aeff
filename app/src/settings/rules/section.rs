//! The rules section: one card per rule, alert and setting, each its own form, so a change
//! saves one rule and a refusal names it.

use super::SaveRule;
use crate::settings::error_text;
use crate::settings::overview::RuleView;
use crate::ui::{Button, Field, Input, Select};
use leptos::prelude::*;

/// Every rule as an editable card, with the outcome of the last save above them.
#[component]
pub fn RulesSection(rules: Vec<RuleView>, save: ServerAction<SaveRule>) -> impl IntoView {
    let outcome = move || match save.value().get() {
        Some(Err(e)) => Some(
            view! { <span class="text-red-700 dark:text-red-400">{error_text(&e)}</span> }
                .into_any(),
        ),
        Some(Ok(message)) => Some(
            view! { <span class="text-emerald-800 dark:text-emerald-300">{message}</span> }
                .into_any(),
        ),
        None => None,
    };
    view! {
        <section id="rules" aria-labelledby="rules-heading" class="space-y-4">
            <h2 id="rules-heading" class="text-xl font-semibold">"Contact rules"</h2>
            <p class="text-sm text-slate-700 dark:text-slate-300">
                "Durations are written like 24h, 7d or 90m. A rule with severity block sends a touch to review; warn only shows the conflict."
            </p>
            <p role="alert" class="text-sm font-medium" data-testid="rules-outcome">{outcome}</p>
            <div class="grid gap-4 md:grid-cols-2">
                {rules.into_iter().map(|rule| view! { <RuleCard rule save /> }).collect_view()}
            </div>
        </section>
    }
    .into_any()
}

/// One rule's form.
#[component]
fn RuleCard(rule: RuleView, save: ServerAction<SaveRule>) -> impl IntoView {
    let id = rule.id.clone();
    let heading = format!("rule-{id}");
    let field = |name: &str| format!("{id}-{name}");
    let enabled = rule.enabled.map(|on| {
        let fid = field("enabled");
        view! {
            <div class="flex items-center gap-2">
                <input id=fid.clone() type="checkbox" name="enabled" checked=on class="h-4 w-4" />
                <label for=fid class="text-sm">"Enabled"</label>
            </div>
        }
    });
    let severity = rule.severity.clone().map(|current| {
        let fid = field("severity");
        view! {
            <Field id=fid.clone() label="Severity">
                <Select {..} id=fid name="severity">
                    {["block", "warn"].map(|s| view! { <option value=s selected=s == current>{s}</option> }).collect_view()}
                </Select>
            </Field>
        }
    });
    let params = rule
        .fields
        .iter()
        .map(|p| {
            let fid = field(&p.name);
            let (label, name, value) = (
                p.name.replace('_', " "),
                format!("params[{}]", p.name),
                p.value.clone(),
            );
            let numeric = p.numeric;
            view! {
                <Field id=fid.clone() label>
                    <Input kind=if numeric { "number" } else { "text" } {..}
                        id=fid name=name inputmode=numeric.then_some("numeric") value=value />
                </Field>
            }
        })
        .collect_view();
    let (card_id, hidden_id, heading_ref) = (id.clone(), id.clone(), heading.clone());
    view! {
        <article aria-labelledby=heading_ref class="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-rule=card_id>
            <h3 id=heading class="font-mono font-semibold">{id.clone()}</h3>
            <p class="mt-1 text-sm text-slate-700 dark:text-slate-300">{rule.about}</p>
            {rule.warning.map(|w| view! { <p role="alert" class="mt-2 rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200" data-testid="legal-warning">{w}</p> })}
            <ActionForm action=save attr:class="mt-3 grid gap-3 sm:grid-cols-2">
                <input type="hidden" name="id" value=hidden_id />
                <input type="hidden" name="version" value=rule.version />
                {enabled}
                {severity}
                {params}
                <div class="sm:col-span-2">
                    <Button>"Save " <span class="sr-only">{id}</span></Button>
                </div>
            </ActionForm>
        </article>
    }
    .into_any()
}
