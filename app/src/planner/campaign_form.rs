//! The campaign form: a GET form, so a preview lives in the page's address (shareable, and it
//! works without JavaScript).

use super::context::PlannerContext;
use super::CampaignFields;
use crate::domain::{Channel, Purpose, Stage};
use crate::ui::style::LABEL;
use crate::ui::{Button, Field, Input, Select};
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
            <Field id="campaign-title" label="Title" class="sm:col-span-2">
                <Input {..} id="campaign-title" name="title" required=true value=fields.title.clone() placeholder="e.g. Winter sale" />
            </Field>
            <Field id="campaign-channel" label="Channel">
                <Select {..} id="campaign-channel" name="channel">{channels}</Select>
            </Field>
            <Field id="campaign-purpose" label="Purpose">
                <Select {..} id="campaign-purpose" name="purpose">{purposes}</Select>
            </Field>
            <Field id="campaign-at" label=format!("When (your time, {})", context.zone.name())>
                <Input kind="datetime-local" {..} id="campaign-at" name="at" required=true value=fields.at.clone() />
            </Field>
            <Field id="campaign-team" label="Sending team">
                <Select {..} id="campaign-team" name="team_id">{teams}</Select>
            </Field>
            <fieldset class="sm:col-span-2">
                <legend class=LABEL>"Audience: stages (none ticked: every stage)"</legend>
                <div class="mt-1 flex flex-wrap gap-4">{stages}</div>
            </fieldset>
            <Field id="campaign-conditions" label="Audience: conditions (optional)" class="sm:col-span-2">
                <Input {..} id="campaign-conditions" name="conditions" value=fields.conditions.clone() placeholder="e.g. child_age < 3, city = Boston" />
            </Field>
            <div class="sm:col-span-2">
                <Button>"Preview"</Button>
            </div>
        </Form>
    }
}
