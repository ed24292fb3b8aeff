//! One contact on the leads board: name (to its timeline), stage, latest inbound interaction,
//! owner and expiry, alerts, and its actions.

use super::row_actions::{ActionsFor, RowActions};
use crate::models::leads::{LeadRow, Viewer};
use crate::ui::{local_datetime, relative, ChannelBadge};
use leptos::prelude::*;

/// A list item for one row.
#[component]
pub fn LeadRowView(row: LeadRow, viewer: Viewer, actions: RowActions) -> impl IntoView {
    let (zone, now) = (viewer.zone, viewer.now);
    let href = format!("/contacts/{}", row.contact_id.0);
    let inbound = match &row.last_inbound {
        Some(last) => view! {
            <span class="inline-flex flex-wrap items-center gap-1">
                {last.kind.as_str().replace('_', "-")} " " <ChannelBadge channel=last.channel /> " "
                <time datetime=last.at.to_rfc3339() title=local_datetime(last.at, zone)>{relative(last.at, now)}</time>
            </span>
        }
        .into_any(),
        None => view! { <span>"No inbound interaction"</span> }.into_any(),
    };
    let owner = match &row.owner {
        Some(o) if o.user_id == viewer.id => {
            format!(
                "Yours until {} ({})",
                local_datetime(o.expires_at, zone),
                relative(o.expires_at, now)
            )
        }
        Some(o) => format!(
            "Owner: {} until {}",
            o.name,
            local_datetime(o.expires_at, zone)
        ),
        None => "Unowned".to_owned(),
    };
    let alerts = row.alerts.clone();
    let contact_id = row.contact_id.0.to_string();
    let name = row.name.clone();
    let stage = row.stage.as_str();
    view! {
        <li class="flex flex-col gap-2 p-3 sm:flex-row sm:items-start sm:justify-between" data-testid="lead-row" data-contact-id=contact_id>
            <div class="min-w-0">
                <a href=href class="font-medium text-indigo-800 underline hover:no-underline dark:text-indigo-300">{name}</a>
                <span class="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-100">{stage}</span>
                <div class="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
                    <span>"Last inbound: " {inbound}</span>
                    <span>{owner}</span>
                </div>
                {(!alerts.is_empty()).then(|| view! {
                    <ul class="mt-1 space-y-1 text-sm">
                        {alerts.into_iter().map(|a| view! {
                            <li class="text-amber-900 dark:text-amber-200">
                                <span class="mr-1 rounded bg-amber-100 px-1 font-mono text-xs text-amber-950 dark:bg-amber-900 dark:text-amber-50">{a.alert.as_str()}</span>
                                {a.message}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
            <ActionsFor row viewer actions />
        </li>
    }
}
