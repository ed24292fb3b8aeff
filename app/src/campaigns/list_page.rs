//! `/campaigns`: every campaign, newest first, with who planned it, when it goes out and how
//! many of its touches are planned, waiting for review, sent or cancelled.

use super::load::{load_campaigns, CampaignSummary};
use crate::domain::TouchStatus;
use crate::ui::ButtonLink;
use crate::ui::{local_datetime, ChannelBadge, ErrorNote};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The campaigns list.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    let query = use_query_map();
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|v| v.parse::<i64>().ok())
    };
    let list = Resource::new(before, load_campaigns);
    view! {
        <Title text="Campaigns" />
        <div class="flex flex-wrap items-baseline justify-between gap-2">
            <h1 class="text-2xl font-semibold">"Campaigns"</h1>
            <ButtonLink small=true {..} href="/plan">"Plan a campaign"</ButtonLink>
        </div>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(error) => view! { <ErrorNote error /> }.into_any(),
                    Ok(page) if page.campaigns.is_empty() => view! {
                        <p class="mt-4 text-sm">"No campaigns yet. Plan one in the planner: pick an audience, preview what it runs into, then plan it."</p>
                    }.into_any(),
                    Ok(page) => {
                        let older = (page.campaigns.len() as u32 == super::load::PAGE)
                            .then(|| page.campaigns.last().map(|c| format!("/campaigns?before={}", c.id.0)))
                            .flatten();
                        let zone = page.zone;
                        view! {
                            <ul class="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white dark:divide-slate-800 dark:border-slate-700 dark:bg-slate-900">
                                {page.campaigns.into_iter().map(|c| view! { <Row c zone /> }).collect_view()}
                            </ul>
                            {older.map(|href| view! { <p class="mt-3 text-sm"><a class="underline" href=href>"Older campaigns →"</a></p> })}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// One campaign in the list.
#[component]
fn Row(c: CampaignSummary, zone: crate::domain::TimeZone) -> impl IntoView {
    let counts = counts_text(&c);
    let cancelled = c.status == "cancelled";
    view! {
        <li class="p-3 text-sm" data-campaign=c.id.0>
            <p class="flex flex-wrap items-center gap-2">
                <a class="font-medium underline" href=format!("/campaigns/{}", c.id.0)>{c.title.clone()}</a>
                <ChannelBadge channel=c.channel />
                {cancelled.then(|| view! { <span class="rounded bg-slate-200 px-1 text-xs dark:bg-slate-700">"cancelled"</span> })}
            </p>
            <p class="text-slate-700 dark:text-slate-300">
                {format!("{} · {} · planned by {} · goes out {}", c.team, c.purpose.as_str().replace('_', " "), c.author, local_datetime(c.scheduled_at, zone))}
            </p>
            <p class="text-slate-700 dark:text-slate-300" data-testid="campaign-counts">{counts}</p>
        </li>
    }
}

/// `233 recipients: 230 planned, 3 waiting for review`.
pub fn counts_text(c: &CampaignSummary) -> String {
    let parts: Vec<String> = c
        .counts
        .iter()
        .map(|(status, n)| {
            let what = match status {
                TouchStatus::PendingReview => "waiting for review".to_owned(),
                other => other.as_str().replace('_', " "),
            };
            format!("{n} {what}")
        })
        .collect();
    let total = c.recipients();
    let noun = if total == 1 {
        "recipient"
    } else {
        "recipients"
    };
    if parts.is_empty() {
        format!("{total} {noun}")
    } else {
        format!("{total} {noun}: {}", parts.join(", "))
    }
}
