//! The filter form: a plain GET form, so a filtered view is a URL that can be shared and
//! works without JavaScript.

use super::query::CalendarQuery;
use crate::domain::{Channel, Purpose, TouchStatus};
use crate::models::calendar::{Choice, FilterChoices};
use crate::ui::Button;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The filters of `query`, with the choices to change them.
#[component]
pub fn Filters(query: CalendarQuery, date: NaiveDate, choices: FilterChoices) -> impl IntoView {
    let f = query.filter.clone();
    let named = |list: Vec<Choice>| {
        list.into_iter()
            .map(|c| (c.id.to_string(), c.name))
            .collect::<Vec<_>>()
    };
    let words = |list: &[(&'static str, String)]| {
        list.iter()
            .map(|(v, w)| (v.to_string(), w.clone()))
            .collect::<Vec<_>>()
    };
    let channels: Vec<_> = Channel::ALL
        .iter()
        .map(|c| (c.as_str(), c.noun().to_owned()))
        .collect();
    let purposes: Vec<_> = Purpose::ALL
        .iter()
        .map(|p| (p.as_str(), p.as_str().replace('_', " ")))
        .collect();
    let statuses: Vec<_> = TouchStatus::ALL
        .iter()
        .map(|s| (s.as_str(), s.as_str().replace('_', " ")))
        .collect();
    let clear = CalendarQuery {
        view: query.view,
        date: Some(date),
        ..CalendarQuery::default()
    }
    .href();
    view! {
        <form method="get" action="/calendar" class="mb-4 rounded-lg border border-slate-300 bg-white p-3 dark:border-slate-700 dark:bg-slate-900" aria-label="Filters">
            <input type="hidden" name="view" value=query.view.as_str() />
            <input type="hidden" name="date" value=date.to_string() />
            <div class="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
                <Select name="team" label="Team" options=named(choices.teams) selected=f.team.map(|t| t.0.to_string()) />
                <Select name="channel" label="Channel" options=words(&channels) selected=f.channel.map(|c| c.as_str().to_owned()) />
                <Select name="owner" label="Owner" options=named(choices.owners) selected=f.owner.map(|o| o.0.to_string()) />
                <Select name="purpose" label="Purpose" options=words(&purposes) selected=f.purpose.map(|p| p.as_str().to_owned()) />
                <Select name="campaign" label="Campaign" options=named(choices.campaigns) selected=f.campaign.map(|c| c.0.to_string()) />
                <Select name="status" label="Status" options=words(&statuses) selected=f.status.map(|s| s.as_str().to_owned()) />
            </div>
            <div class="mt-3 flex items-center gap-3 text-sm">
                <Button>"Apply filters"</Button>
                <a href=clear class="underline">"Clear filters"</a>
            </div>
        </form>
    }
}

/// One labelled choice, "Any" first.
#[component]
fn Select(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    selected: Option<String>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <div class="min-w-0">
            <label for=id.clone() class="block text-xs font-medium">{label}</label>
            <select id=id name=name class="mt-1 block w-full rounded-md border border-slate-500 bg-white px-2 py-1 text-sm dark:border-slate-400 dark:bg-slate-950">
                <option value="">"Any"</option>
                {options.into_iter().map(|(value, text)| {
                    let chosen = selected.as_deref() == Some(value.as_str());
                    view! { <option value=value selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
