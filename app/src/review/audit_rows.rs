//! The audit trail as a list: when, who, what, about which contact, and the recorded details.

use super::audit_detail::{describe, Lookup};
use super::forms::LINK;
use crate::domain::TimeZone;
use crate::models::audit_entry::AuditRow;
use crate::ui::local_datetime;
use leptos::prelude::*;

/// "key: value" pairs of the details, as people read them.
fn details(value: &serde_json::Value, zone: TimeZone, lookup: Lookup<'_>) -> Vec<(String, String)> {
    let Some(object) = value.as_object() else {
        return Vec::new();
    };
    object
        .iter()
        .filter_map(|(k, v)| describe(k, v, zone, lookup))
        .collect()
}

/// The rows, times in `zone`, people and teams by the names in `users` and `teams`.
#[component]
pub fn AuditRows(
    rows: Vec<AuditRow>,
    zone: TimeZone,
    users: Vec<(i64, String)>,
    teams: Vec<(i64, String)>,
) -> impl IntoView {
    view! {
        <ol class="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {rows.into_iter().map(|row| {
                let lookup = Lookup {
                    users: &users,
                    teams: &teams,
                };
                let pairs = details(&row.details, zone, lookup);
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
