//! The audit trail as a list: when, who, what, about which contact, and the recorded details.

use super::forms::LINK;
use crate::domain::TimeZone;
use crate::models::audit_entry::AuditRow;
use crate::ui::local_datetime;
use leptos::prelude::*;

/// "key: value" pairs of the details, values without JSON quotes.
fn details(value: &serde_json::Value) -> Vec<(String, String)> {
    let Some(object) = value.as_object() else {
        return Vec::new();
    };
    object
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            (k.replace('_', " "), text)
        })
        .collect()
}

/// The rows, times in `zone`.
#[component]
pub fn AuditRows(rows: Vec<AuditRow>, zone: TimeZone) -> impl IntoView {
    view! {
        <ol class="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {rows.into_iter().map(|row| {
                let pairs = details(&row.details);
                let subject = match row.subject_id {
                    Some(id) => format!("{} #{id}", row.subject_type),
                    None => row.subject_type.clone(),
                };
                view! {
                    <li class="p-3 text-sm" data-testid="audit-row">
                        <p class="flex flex-wrap gap-x-3">
                            <time datetime=row.at.to_rfc3339() class="text-slate-700 dark:text-slate-300">{local_datetime(row.at, zone)}</time>
                            <strong class="font-mono">{row.action.clone()}</strong>
                            <span>{subject}</span>
                            <span>{format!("by {}", row.actor.clone().unwrap_or_else(|| "the system".to_owned()))}</span>
                            {row.contact.clone().map(|(id, name)| view! {
                                <a class=LINK href=format!("/review/audit?contact_id={}", id.0)>{name}</a>
                            })}
                        </p>
                        {(!pairs.is_empty()).then(|| view! {
                            <dl class="mt-1 flex flex-wrap gap-x-4 text-slate-700 dark:text-slate-300">
                                {pairs.into_iter().map(|(k, v)| view! {
                                    <div class="flex gap-1"><dt class="font-medium">{k}":"</dt><dd>{v}</dd></div>
                                }).collect_view()}
                            </dl>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
