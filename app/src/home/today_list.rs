//! The start page's "Today": the viewer's one-off touches, and each of their campaigns as one
//! line with its recipients, in time order.

use super::touch_list::TouchLine;
use crate::domain::TimeZone;
use crate::models::workspace::{Today, TodayCampaign, TodayLine};
use crate::ui::{local_datetime, local_time, ChannelBadge};
use leptos::prelude::*;

/// The day's lines, or one saying nothing goes out.
#[component]
pub fn TodayList(today: Today, zone: TimeZone) -> impl IntoView {
    if today.is_empty() {
        return view! {
            <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">"Nothing of yours goes out today."</p>
        }
        .into_any();
    }
    let lines = today.lines().into_iter().map(move |line| match line {
        TodayLine::Touch(touch) => view! { <TouchLine touch zone /> }.into_any(),
        TodayLine::Campaign(campaign) => view! { <CampaignLine campaign zone /> }.into_any(),
    });
    view! { <ul class="mt-2 divide-y divide-slate-200 dark:divide-slate-800">{lines.collect_view()}</ul> }
        .into_any()
}

/// A campaign: from its first to its last touch today, how, what and to how many.
#[component]
fn CampaignLine(campaign: TodayCampaign, zone: TimeZone) -> impl IntoView {
    let when = if campaign.first == campaign.last {
        local_datetime(campaign.first, zone)
    } else {
        format!(
            "{}–{}",
            local_datetime(campaign.first, zone),
            local_time(campaign.last, zone)
        )
    };
    let recipients = match campaign.touches {
        1 => "to 1 recipient".to_owned(),
        n => format!("to {n} recipients"),
    };
    view! {
        <li class="py-2 text-sm" data-testid="today-campaign" data-campaign=campaign.id.0>
            <div class="flex flex-wrap items-center gap-x-3 gap-y-1">
                <time datetime=campaign.first.to_rfc3339()>{when}</time>
                <ChannelBadge channel=campaign.channel />
                <a class="font-medium underline" href=format!("/campaigns/{}", campaign.id.0)>{campaign.title}</a>
                <span>{recipients} " · campaign"</span>
            </div>
        </li>
    }
}
