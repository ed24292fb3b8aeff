//! The dashboard page: a GET filter form (works without JavaScript) and server-drawn SVG charts.

use super::data::{pressure, PressureData};
use super::named_lists::NamedLists;
use crate::error::AppError;
use crate::ui::charts::{BarChart, ColumnChart, LineChart, Series};
use crate::ui::Refusal;
use crate::ui::{Button, Field, Input, Select};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The pressure dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let query = use_query_map();
    let params = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        (get("from"), get("to"), get("team"))
    };
    let data = Resource::new(params, |(from, to, team)| pressure(from, to, team));
    view! {
        <Title text="Pressure dashboard" />
        <h1 class="text-2xl font-semibold">"Pressure dashboard"</h1>
        <p class="mt-1 text-sm text-slate-700 dark:text-slate-300">
            "How hard contacts are being pushed, where the contact rules bite, and who is left waiting."
        </p>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(AppError::Validation(message)) => {
                        let (from, to, team) = params();
                        view! {
                            <FilterForm from to team=team.parse().ok() teams=Vec::new() />
                            <p role="alert" class="mt-4 font-medium text-red-700 dark:text-red-400">{message}</p>
                        }.into_any()
                    }
                    Err(e) => view! { <Refusal error=e /> }.into_any(),
                    Ok(p) => view! { <Charts p /> }.into_any(),
                }
            })}
        </Transition>
    }
    .into_any()
}

/// The filters, as a plain GET form.
#[component]
fn FilterForm(
    from: String,
    to: String,
    team: Option<i64>,
    teams: Vec<(i64, String)>,
) -> impl IntoView {
    view! {
        <form method="get" action="/dashboard" class="mt-4 flex flex-wrap items-end gap-4" aria-label="Filters">
            <Field id="from" label="From"><Input kind="date" {..} id="from" name="from" value=from /></Field>
            <Field id="to" label="To"><Input kind="date" {..} id="to" name="to" value=to /></Field>
            <Field id="team" label="Team">
                <Select {..} id="team" name="team">
                    <option value="">"All teams"</option>
                    {teams.into_iter().map(|(id, name)| view! { <option value=id selected=team == Some(id)>{name}</option> }).collect_view()}
                </Select>
            </Field>
            <Button>"Show"</Button>
        </form>
    }
    .into_any()
}

/// The four charts.
#[component]
fn Charts(p: PressureData) -> impl IntoView {
    let touched: i64 = p.per_week.iter().map(|d| d.value).sum();
    let over: i64 = p
        .per_week
        .iter()
        .filter(|d| d.label.parse::<i64>().map_or(true, |n| n > 2))
        .map(|d| d.value)
        .sum();
    let conflicts: i64 = p.by_rule.iter().map(|d| d.value).sum();
    let inbound: i64 = p.replies.iter().map(|d| d.value).sum();
    let fast: i64 = p.replies.iter().take(3).map(|d| d.value).sum();
    let ghosted: i64 = p.ghosted.iter().sum();
    let crumbs: i64 = p.breadcrumbed.iter().sum();
    let range = format!("{} to {}", p.from, p.to);
    view! {
        <FilterForm from=p.from.clone() to=p.to.clone() team=p.team teams=p.teams />
        <p class="mt-4 text-sm">{format!("Showing {range}. Times are in your time zone.")}</p>
        <div class="mt-4 grid gap-6 lg:grid-cols-2">
            <ColumnChart
                id="per-week".to_owned()
                title="Touches per contact per week".to_owned()
                summary=format!("{touched} contact-weeks with at least one touch; {over} of them with more than 2 touches. Weeks count from the first day of the range.")
                x_label="Touches in the week".to_owned()
                y_label="Contact-weeks".to_owned()
                data=p.per_week
            />
            <ColumnChart
                id="replies".to_owned()
                title="Time to answer inbound replies".to_owned()
                summary=format!("{inbound} inbound replies, call-ins and forms; {fast} answered by an outbound touch within 24 hours. With a team chosen, only contacts its members own count.")
                x_label="Time until the next outbound touch".to_owned()
                y_label="Inbound interactions".to_owned()
                data=p.replies
            />
            <BarChart
                id="by-rule".to_owned()
                title="Conflicts by rule".to_owned()
                summary=format!("{conflicts} conflicts stored on touches scheduled in the range, by the rule that found them.")
                unit="Conflicts".to_owned()
                data=p.by_rule
            />
            <BarChart
                id="by-team".to_owned()
                title="Conflicts by team".to_owned()
                summary="The same conflicts, by the team of the touch that carries them.".to_owned()
                unit="Conflicts".to_owned()
                data=p.by_team
            />
            <div class="lg:col-span-2">
                <LineChart
                    id="trends".to_owned()
                    title="Ghosted and breadcrumbed contacts per week".to_owned()
                    summary=format!("{ghosted} ghosted and {crumbs} breadcrumbed contact-weeks. Ghosted: an inbound reply, call-in or form with no outbound touch within 24 hours (the unanswered_reply alert counts one business day; this chart approximates it). Breadcrumbed: an owned contact touched again after 14 days or more of silence (the smallest gap the cadence_gap alert allows).")
                    x_label="Week starting".to_owned()
                    y_label="Contacts".to_owned()
                    x=p.weeks
                    series=vec![
                        Series { name: "Ghosted".to_owned(), values: p.ghosted },
                        Series { name: "Breadcrumbed".to_owned(), values: p.breadcrumbed },
                    ]
                />
            </div>
        </div>
        <NamedLists ghosted=p.ghosted_names breadcrumbed=p.breadcrumbed_names zone=p.zone now=p.now />
    }
    .into_any()
}
