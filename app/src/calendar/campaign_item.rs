//! A campaign on one calendar day: one item with its title, channel and number of recipients
//! that day, instead of a chip per touch. It opens the day filtered to the campaign, which lists
//! its touches.

use super::query::CalendarQuery;
use super::range::View;
use crate::models::calendar::{CalendarCampaign, CalendarFilter};
use crate::ui::ChannelBadge;
use chrono::NaiveDate;
use leptos::prelude::*;

/// `campaign`'s touches on `date`, as one link; `query` gives the filters the link keeps.
#[component]
pub fn CampaignItem(
    campaign: CalendarCampaign,
    query: CalendarQuery,
    date: NaiveDate,
) -> impl IntoView {
    let opened = CalendarQuery {
        filter: CalendarFilter {
            campaign: Some(campaign.id),
            ..query.filter.clone()
        },
        ..query
    }
    .at(View::Day, date);
    let people = campaign.recipients_text();
    view! {
        <a href=opened.href() class=ITEM data-campaign=campaign.id.0>
            <span class="flex flex-wrap items-center gap-1">
                <span class="font-semibold text-indigo-900 dark:text-indigo-200">"Campaign"</span>
                <ChannelBadge channel=campaign.channel />
            </span>
            <span class="mt-0.5 block truncate font-medium">{campaign.title}</span>
            <span class="block text-slate-700 dark:text-slate-300">{people}</span>
        </a>
    }
}

const ITEM: &str = "block rounded border border-l-4 border-indigo-300 border-l-indigo-600 bg-indigo-50 p-1 text-xs leading-snug hover:border-indigo-600 focus:outline-2 focus:outline-indigo-600 dark:border-indigo-800 dark:border-l-indigo-400 dark:bg-indigo-950";
