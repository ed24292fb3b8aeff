//! The day view: the day's campaigns as one item each, then every other touch in an hour grid,
//! a page at a time, with the contact each reaches (a touch dropped on another hour moves
//! there). Filtered to one campaign, it lists that campaign's touches.

use super::campaign_item::CampaignItem;
use super::hour_slots::{HourSlots, Layout};
use super::marks::DayMarks;
use super::month::touches;
use super::query::CalendarQuery;
use super::range::View;
use crate::models::calendar::{recipients, CalendarData};
use leptos::prelude::*;

/// The query's day, page `query.page`.
#[component]
pub fn DayView(data: CalendarData, query: CalendarQuery) -> impl IntoView {
    let zone = data.zone;
    let marks = data.marks.clone();
    let campaign = query.filter.campaign.map(|id| {
        let title = data
            .choices
            .campaigns
            .iter()
            .find(|c| c.id == id.0)
            .map_or_else(|| format!("Campaign {}", id.0), |c| c.name.clone());
        (id, title)
    });
    let Some(day) = data.days.into_iter().next() else {
        return ().into_any();
    };
    let per_page = i64::from(View::Day.per_day());
    let first = i64::from(query.page) * per_page;
    let shown = day.touches.len() as i64;
    let page_href = |page: u32| {
        CalendarQuery {
            page,
            ..query.clone()
        }
        .href()
    };
    let earlier = (query.page > 0).then(|| page_href(query.page - 1));
    let later = (first + shown < day.listed).then(|| page_href(query.page + 1));
    let in_campaigns = day.total - day.listed;
    let summary = match (shown, in_campaigns > 0) {
        (0, false) => "No touches match on this day.".to_owned(),
        (0, true) => format!("{} in campaigns, none outside them.", touches(in_campaigns)),
        (_, false) => format!(
            "{}: showing {} to {}.",
            touches(day.total),
            first + 1,
            first + shown
        ),
        (_, true) => format!(
            "{} in campaigns; {} outside them, showing {} to {}.",
            touches(in_campaigns),
            day.listed,
            first + 1,
            first + shown
        ),
    };
    let heading = campaign.map(|(id, title)| {
        view! {
            <p class="mt-2 text-sm" data-testid="day-campaign">
                {format!("{} of the campaign ", recipients(day.total))}
                <a href=format!("/campaigns/{}", id.0) class="font-medium underline">{title}</a>
                " on this day."
            </p>
        }
    });
    let date = day.date;
    view! {
        <DayMarks marks />
        {heading}
        {(!day.campaigns.is_empty()).then(|| view! {
            <ul class="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3" aria-label="Campaigns on this day">
                {day.campaigns.into_iter().map(|campaign| view! { <li><CampaignItem campaign query=query.clone() date /></li> }).collect_view()}
            </ul>
        })}
        <p class="mb-2 mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="day-summary">{summary}</p>
        <div class="rounded-lg border border-slate-300 bg-white px-2 dark:border-slate-700 dark:bg-slate-900" data-date=date.to_string()>
            <HourSlots touches=day.touches zone layout=Layout::Day />
        </div>
        <nav aria-label="Pages of this day" class="mt-3 flex gap-4 text-sm">
            {earlier.map(|href| view! { <a href=href class="underline">"← Earlier touches"</a> })}
            {later.map(|href| view! { <a href=href class="underline">"Later touches →"</a> })}
        </nav>
    }
    .into_any()
}
