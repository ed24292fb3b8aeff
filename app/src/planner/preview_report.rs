//! The preview, and the form that plans the campaign with a choice for the blocked recipients.

use super::campaign_form::{LABEL, PRIMARY};
use super::{CampaignFields, CampaignPreview};
use crate::domain::TimeZone;
use crate::ui::local_datetime;
use leptos::prelude::*;

/// Counts, per-rule hits with samples, and the plan form.
#[component]
pub fn PreviewReport(
    preview: CampaignPreview,
    fields: CampaignFields,
    zone: TimeZone,
) -> impl IntoView {
    let widest = preview
        .rules
        .iter()
        .map(|r| r.count)
        .max()
        .unwrap_or(1)
        .max(1);
    let rules = preview
        .rules
        .iter()
        .map(|hits| {
            let share = hits.count as f64 / widest as f64 * 100.0;
            let samples = hits.samples.iter().map(|sample| view! {
                <li>
                    <a class="underline" href=format!("/contacts/{}", sample.contact.0)>
                        {if sample.name.is_empty() { format!("Contact {}", sample.contact.0) } else { sample.name.clone() }}
                    </a>
                    ": " {sample.message.clone()}
                    {sample.next.map(|at| format!(" — next allowed {}", local_datetime(at, zone)))}
                </li>
            }).collect_view();
            view! {
                <li class="py-2" data-rule=hits.rule.as_str()>
                    <div class="flex items-center gap-2">
                        <span class="w-56 shrink-0"><crate::ui::RuleName rule=hits.rule /></span>
                        <span class="h-3 rounded bg-indigo-600" style=format!("width: {share:.1}%") aria-hidden="true"></span>
                        <span class="text-sm" data-testid="rule-count">{hits.count}</span>
                    </div>
                    <ul class="mt-1 list-disc pl-6 text-xs">{samples}</ul>
                </li>
            }
        })
        .collect_view();
    let hidden = [
        ("title", fields.title.clone()),
        ("channel", fields.channel.clone()),
        ("purpose", fields.purpose.clone()),
        ("at", fields.at.clone()),
        ("team_id", fields.team_id.clone()),
        ("stages", fields.stages.clone()),
        ("conditions", fields.conditions.clone()),
    ]
    .into_iter()
    .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
    .collect_view();
    let choices = [
        ("exclude", "Exclude the blocked recipients"),
        ("shift", "Shift them to their next allowed slot"),
        ("review", "Send them to a manager for review"),
    ]
    .into_iter()
    .map(|(value, label)| {
        view! {
            <label class="flex items-center gap-2 text-sm">
                <input type="radio" name="on_conflict" value=value checked=value == "exclude" />
                {label}
            </label>
        }
    })
    .collect_view();
    view! {
        <section aria-labelledby="preview-heading" class="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h2 id="preview-heading" class="text-lg font-semibold">"Preview"</h2>
            <p class="mt-1" data-testid="preview-counts">
                {format!("{} recipients: {} without conflicts, {} with warnings only, {} blocked.",
                    preview.recipients, preview.allowed, preview.warned, preview.blocked)}
            </p>
            {preview.rules.is_empty().then(|| view! { <p class="mt-2 text-sm">"No rule fires for any recipient."</p> })}
            <ul class="mt-2 divide-y divide-slate-200 dark:divide-slate-800" aria-label="Conflicts by rule">{rules}</ul>
            <form method="post" action="/api/plan_campaign" class="mt-4 space-y-2">
                {hidden}
                <fieldset>
                    <legend class=LABEL>"Blocked recipients"</legend>
                    <div class="mt-1 space-y-1">{choices}</div>
                </fieldset>
                <button type="submit" class=PRIMARY>"Plan campaign"</button>
            </form>
        </section>
    }
}
