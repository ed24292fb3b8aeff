//! The start page's "Your campaigns" for those who plan them: each still to go out with when,
//! its counts and what conflicts with it, linking to the campaign's page.

use crate::campaigns::list_page::counts_text;
use crate::domain::TimeZone;
use crate::models::my_campaigns::{MyCampaign, MyCampaigns};
use crate::ui::{local_datetime, ChannelBadge};
use leptos::prelude::*;

/// The campaigns, or a line saying none is still to go out.
#[component]
pub fn CampaignList(campaigns: MyCampaigns, zone: TimeZone) -> impl IntoView {
    if campaigns.campaigns.is_empty() {
        return view! {
            <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">
                "None of your campaigns is still to go out. "
                <a class="underline" href="/plan">"Plan a campaign"</a>
            </p>
        }
        .into_any();
    }
    let more = campaigns
        .total
        .saturating_sub(campaigns.campaigns.len() as u64);
    view! {
        <ul class="mt-2 divide-y divide-slate-200 dark:divide-slate-800" data-testid="my-campaigns">
            {campaigns.campaigns.into_iter().map(|mine| view! { <Line mine zone /> }).collect_view()}
        </ul>
        <p class="mt-2 text-sm">
            {(more > 0).then(|| format!("and {more} more · "))}
            <a class="underline" href="/campaigns">"All campaigns"</a>
        </p>
    }
    .into_any()
}

/// One campaign: title, how, when, its counts and what it runs into.
#[component]
fn Line(mine: MyCampaign, zone: TimeZone) -> impl IntoView {
    let conflicts = mine.conflicts_text();
    let troubled = !mine.runs_into.is_empty() || mine.run_into_by > 0;
    let c = mine.campaign;
    let counts = counts_text(&c);
    view! {
        <li class="py-2 text-sm" data-testid="my-campaign" data-campaign=c.id.0>
            <p class="flex flex-wrap items-center gap-x-3 gap-y-1">
                <a class="font-medium underline" href=format!("/campaigns/{}", c.id.0)>{c.title.clone()}</a>
                <ChannelBadge channel=c.channel />
                <span>"goes out " <time datetime=c.scheduled_at.to_rfc3339()>{local_datetime(c.scheduled_at, zone)}</time></span>
            </p>
            <p class="text-slate-700 dark:text-slate-300">{counts}</p>
            <p
                class=if troubled { "text-amber-800 dark:text-amber-300" } else { "text-slate-700 dark:text-slate-300" }
                data-testid="campaign-conflicts"
            >
                {conflicts}
            </p>
        </li>
    }
}
