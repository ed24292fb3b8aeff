//! The preview, and the form that plans the campaign with a choice for the blocked recipients.

use super::preview::RuleHits;
use super::{CampaignFields, CampaignPreview};
use crate::domain::TimeZone;
use crate::ui::local_datetime;
use crate::ui::style::LABEL;
use crate::ui::Button;
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
                    <SeverityTag blocks=sample.blocks />
                    <a class="underline" href=format!("/contacts/{}", sample.contact.0)>
                        {if sample.name.is_empty() { format!("Contact {}", sample.contact.0) } else { sample.name.clone() }}
                    </a>
                    ": " {sample.message.clone()}
                    {sample.next.map(|at| format!(" — next allowed {}", local_datetime(at, zone)))}
                </li>
            }).collect_view();
            view! {
                <li class="py-2" data-rule=hits.rule.as_str() id=format!("rule-{}", hits.rule.as_str())>
                    <div class="flex flex-wrap items-center gap-2">
                        <span class="w-56 shrink-0"><crate::ui::RuleName rule=hits.rule /></span>
                        <span class="h-3 w-48 shrink-0 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                            <span class="block h-3 rounded bg-indigo-600" style=format!("width: {share:.1}%")></span>
                        </span>
                        <span class="text-sm" data-testid="rule-count">{hits.count}</span>
                        <span class="text-xs text-slate-700 dark:text-slate-300" data-testid="rule-severity">{hits.severity_text()}</span>
                    </div>
                    <ul class="mt-1 space-y-0.5 pl-2 text-xs">{samples}</ul>
                    <SamplePages hits=hits.clone() fields=fields.clone() />
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
                <Button>"Plan campaign"</Button>
            </form>
        </section>
    }
}

/// Whether a rule blocks a sample's touch or only warns about it, in words and colour.
#[component]
fn SeverityTag(blocks: bool) -> impl IntoView {
    let (text, class) = if blocks {
        ("blocks", "mr-1 rounded bg-red-100 px-1 font-medium text-red-900 dark:bg-red-950 dark:text-red-100")
    } else {
        ("warns", "mr-1 rounded bg-amber-100 px-1 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100")
    };
    view! { <span class=class>{text}</span> }
}

/// Which of a rule's hits are shown, and links to the samples before and after them.
#[component]
fn SamplePages(hits: RuleHits, fields: CampaignFields) -> impl IntoView {
    let shown = hits.samples.len() as u64;
    if hits.from == 0 && (shown == 0 || shown >= hits.count) {
        return ().into_any();
    }
    let span = if shown > 0 {
        format!(
            "Showing {} to {} of {}.",
            hits.from + 1,
            hits.from + shown,
            hits.count
        )
    } else {
        format!("No more recipients past the first {}.", hits.count)
    };
    let rule = hits.rule.as_str();
    let page = |from: u64| {
        format!(
            "{}#rule-{rule}",
            fields.href(&[("rule", rule.to_owned()), ("from", from.to_string())])
        )
    };
    // Past the end (the audience changed), back to the last page; else the page before.
    let per_page = hits.per_page.max(1);
    let last_start = hits.count.saturating_sub(1) / per_page * per_page;
    let earlier = (hits.from > 0).then(|| {
        page(if hits.from > last_start {
            last_start
        } else {
            hits.from.saturating_sub(per_page)
        })
    });
    let later = (hits.from + shown < hits.count).then(|| page(hits.from + shown));
    view! {
        <nav aria-label=format!("Recipients {} hits", hits.rule.title()) class="mt-1 flex flex-wrap gap-3 text-xs">
            <span>{span}</span>
            {earlier.map(|href| view! { <a class="underline" href=href>"← Earlier"</a> })}
            {later.map(|href| view! { <a class="underline" href=href>"More recipients →"</a> })}
        </nav>
    }
    .into_any()
}
