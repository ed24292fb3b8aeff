//! The campaign form: a GET form, so a preview lives in the page's address (shareable, and it
//! works without JavaScript).

use super::context::PlannerContext;
use super::CampaignFields;
use crate::domain::{Channel, Purpose, Stage};
use crate::ui::style::{INPUT, LABEL, PRIMARY};
use leptos::prelude::*;
use leptos_router::components::Form;

/// The campaign's audience and touch, filled with `fields`.
#[component]
pub fn CampaignForm(context: PlannerContext, fields: CampaignFields) -> impl IntoView {
    let chosen: Vec<String> = fields
        .stages
        .split(',')
        .map(|s| s.trim().to_owned())
        .collect();
    let team = if fields.team_id.is_empty() {
        context.team.0.to_string()
    } else {
        fields.team_id.clone()
    };
    let select = |values: Vec<(String, String)>, current: String| {
        values
            .into_iter()
            .map(|(value, label)| {
                let selected = value == current;
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let channels = select(
        Channel::ALL
            .iter()
            .map(|c| (c.as_str().to_owned(), c.noun().to_owned()))
            .collect(),
        fields.channel.clone(),
    );
    let purposes = select(
        Purpose::ALL
            .iter()
            .map(|p| (p.as_str().to_owned(), p.as_str().replace('_', " ")))
            .collect(),
        fields.purpose.clone(),
    );
    let teams = select(
        context
            .teams
            .iter()
            .map(|(id, name)| (id.0.to_string(), name.clone()))
            .collect(),
        team,
    );
    let stages = Stage::ALL
        .iter()
        .map(|stage| {
            let checked = chosen.iter().any(|c| c == stage.as_str());
            view! {
                <label class="flex items-center gap-1 text-sm">
                    <input type="checkbox" name="stage" value=stage.as_str() checked=checked />
                    {stage.as_str()}
                </label>
            }
        })
        .collect_view();
    view! {
        <Form method="GET" action="/plan" attr:class="grid gap-3 sm:grid-cols-2" attr:aria-label="Campaign">
            <div class="sm:col-span-2">
                <label for="campaign-title" class=LABEL>"Title"</label>
                <input id="campaign-title" name="title" required class=INPUT value=fields.title.clone() placeholder="e.g. Winter sale" />
            </div>
            <div>
                <label for="campaign-channel" class=LABEL>"Channel"</label>
                <select id="campaign-channel" name="channel" class=INPUT>{channels}</select>
            </div>
            <div>
                <label for="campaign-purpose" class=LABEL>"Purpose"</label>
                <select id="campaign-purpose" name="purpose" class=INPUT>{purposes}</select>
            </div>
            <div>
                <label for="campaign-at" class=LABEL>{format!("When (your time, {})", context.zone.name())}</label>
                <input id="campaign-at" type="datetime-local" name="at" required class=INPUT value=fields.at.clone() />
            </div>
            <div>
                <label for="campaign-team" class=LABEL>"Sending team"</label>
                <select id="campaign-team" name="team_id" class=INPUT>{teams}</select>
            </div>
            <fieldset class="sm:col-span-2">
                <legend class=LABEL>"Audience: stages (none ticked: every stage)"</legend>
                <div class="mt-1 flex flex-wrap gap-4">{stages}</div>
            </fieldset>
            <div class="sm:col-span-2">
                <label for="campaign-conditions" class=LABEL>"Audience: conditions (optional)"</label>
                <input id="campaign-conditions" name="conditions" class=INPUT value=fields.conditions.clone() placeholder="e.g. child_age < 3, city = Boston" />
            </div>
            <div class="sm:col-span-2">
                <button type="submit" class=PRIMARY>"Preview"</button>
            </div>
        </Form>
    }
}
