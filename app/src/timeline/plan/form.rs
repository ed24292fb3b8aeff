//! The plan form, an island. With JavaScript, every change re-checks the draft and shows its
//! conflicts before anything is saved. Without JavaScript, "Check conflicts" reloads the page with the draft in
//! the address (the server renders the check) and "Plan touch" is a plain post.

use super::{check_touch, CheckReport, PlanTouch};
use crate::domain::ids::TeamId;
use crate::domain::{Channel, Decision, Purpose, TimeZone, TouchDraft};
use crate::ui::{Button, Field, Input, Look, Select, TextArea};
use leptos::{ev::SubmitEvent, prelude::*};

/// The form to plan a touch to contact `contact_id`, starting from `initial`: times in the
/// zone named `zone` (UTC if this browser does not know it), sent by one of `teams` (the
/// viewer's, `viewer_team`, by default).
#[island]
pub fn PlanForm(
    contact_id: i64,
    zone: String,
    teams: Vec<(TeamId, String)>,
    viewer_team: TeamId,
    initial: TouchDraft,
    topics: Vec<(String, String)>,
) -> impl IntoView {
    let zone = TimeZone::parse(&zone).unwrap_or(TimeZone::UTC);
    let here = format!("/contacts/{contact_id}");
    let channel = RwSignal::new(initial.channel.clone());
    let purpose = RwSignal::new(initial.purpose.clone());
    let at = RwSignal::new(initial.at.clone());
    let team = RwSignal::new(initial.team_id.unwrap_or(viewer_team.0).to_string());
    let automated = RwSignal::new(initial.automated);
    let personalized = RwSignal::new(initial.personalized);
    let title = RwSignal::new(initial.title.clone());
    let notes = RwSignal::new(initial.notes.clone());
    let topic = RwSignal::new(initial.topic.clone());
    let draft = Memo::new(move |_| TouchDraft {
        contact_id,
        channel: channel.get(),
        purpose: purpose.get(),
        at: at.get(),
        team_id: team.get().parse().ok(),
        automated: automated.get(),
        personalized: personalized.get(),
        topic: topic.get(),
        ..TouchDraft::default()
    });
    let check = Resource::new(move || draft.get(), check_touch);
    let plan = ServerAction::<PlanTouch>::new();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        plan.dispatch(PlanTouch {
            contact_id,
            channel: d.channel,
            purpose: d.purpose,
            at: d.at,
            title: title.get_untracked(),
            notes: Some(notes.get_untracked()),
            team_id: d.team_id,
            automated: Some(d.automated),
            personalized: Some(d.personalized),
            topic: Some(d.topic),
        });
    };
    let plan_error = move || match plan.value().get() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    let options = |values: Vec<(&'static str, String)>, current: RwSignal<String>| {
        values
            .into_iter()
            .map(|(value, label)| {
                view! {
                    <option value=value selected=move || current.get() == value>{label}</option>
                }
            })
            .collect_view()
    };
    let channels = options(
        Channel::ALL
            .iter()
            .map(|c| (c.as_str(), c.noun().to_owned()))
            .collect(),
        channel,
    );
    let purposes = options(
        Purpose::ALL
            .iter()
            .map(|p| (p.as_str(), p.as_str().replace('_', " ")))
            .collect(),
        purpose,
    );
    let teams = teams
        .iter()
        .map(|(id, name)| {
            let value = id.0.to_string();
            let selected = value.clone();
            view! { <option value=value selected=move || team.get() == selected>{name.clone()}</option> }
        })
        .collect_view();
    let topic_field = (!topics.is_empty()).then(|| {
        let choices = topics
            .into_iter()
            .map(|(id, name)| {
                let selected = id.clone();
                view! { <option value=id selected=move || topic.get() == selected>{name}</option> }
            })
            .collect_view();
        view! {
            <Field id="plan-topic" label="Consent topic">
                <Select {..} id="plan-topic" name="topic" on:change=move |ev| topic.set(event_target_value(&ev))>
                    <option value="" selected=move || topic.get().is_empty()>"None"</option>
                    {choices}
                </Select>
            </Field>
        }
    });
    let take_here = here.clone();
    view! {
        <section id="plan" aria-labelledby="plan-heading" class="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h2 id="plan-heading" class="text-lg font-semibold">"Plan a touch"</h2>
            <form method="post" action="/api/plan_touch" class="mt-3 grid gap-3 sm:grid-cols-2" on:submit=on_submit>
                <input type="hidden" name="contact_id" value=contact_id />
                <Field id="plan-channel" label="Channel">
                    <Select {..} id="plan-channel" name="channel" on:change=move |ev| channel.set(event_target_value(&ev))>{channels}</Select>
                </Field>
                <Field id="plan-purpose" label="Purpose">
                    <Select {..} id="plan-purpose" name="purpose" on:change=move |ev| purpose.set(event_target_value(&ev))>{purposes}</Select>
                </Field>
                <Field id="plan-at" label=format!("When (your time, {})", zone.name())>
                    <Input kind="datetime-local" {..} id="plan-at" name="at" required=true
                        value=initial.at.clone() prop:value=move || at.get()
                        on:input=move |ev| at.set(event_target_value(&ev)) />
                </Field>
                <Field id="plan-team" label="Sending team">
                    <Select {..} id="plan-team" name="team_id" on:change=move |ev| team.set(event_target_value(&ev))>{teams}</Select>
                </Field>
                {topic_field}
                <Field id="plan-title" label="Title" class="sm:col-span-2">
                    <Input {..} id="plan-title" name="title" placeholder="e.g. Follow-up on the demo"
                        value=initial.title.clone() prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev)) />
                </Field>
                <Field id="plan-notes" label="Notes" class="sm:col-span-2">
                    <TextArea {..} id="plan-notes" name="notes" rows="2" prop:value=move || notes.get()
                        on:input=move |ev| notes.set(event_target_value(&ev))>{initial.notes.clone()}</TextArea>
                </Field>
                <div class="flex flex-wrap gap-4 text-sm sm:col-span-2">
                    <label class="flex items-center gap-2">
                        <input type="checkbox" name="personalized" value="true"
                            checked=initial.personalized prop:checked=move || personalized.get()
                            on:change=move |ev| personalized.set(event_target_checked(&ev)) />
                        "Addressed by name"
                    </label>
                    <label class="flex items-center gap-2">
                        <input type="checkbox" name="automated" value="true"
                            checked=initial.automated prop:checked=move || automated.get()
                            on:change=move |ev| automated.set(event_target_checked(&ev)) />
                        "Automated (robo-call, bulk tool)"
                    </label>
                </div>
                <div class="sm:col-span-2" aria-live="polite" data-testid="check-report">
                    <Transition fallback=|| view! { <p class="text-sm">"Checking…"</p> }>
                        {move || {
                            let take_here = take_here.clone();
                            Suspend::new(async move {
                                let result = check.await;
                                let next = result.as_ref().ok()
                                    .filter(|c| c.decision == Decision::Block)
                                    .and_then(|c| c.next_allowed_at)
                                    .map(|n| zone.format_local(n));
                                view! {
                                    <CheckReport result zone />
                                    {next.map(|slot| {
                                        let value = slot.clone();
                                        view! {
                                            <Button look=Look::Secondary class="mt-2" {..} name="take_at" value=value formmethod="get" formaction=take_here.clone()

                                                on:click=move |ev| { ev.prevent_default(); at.set(slot.clone()); }>
                                                "Take the next allowed slot"
                                            </Button>
                                        }
                                    })}
                                }
                            })
                        }}
                    </Transition>
                </div>
                <p role="alert" class="text-sm font-medium text-red-800 dark:text-red-300 sm:col-span-2">{plan_error}</p>
                <div class="flex flex-wrap gap-2 sm:col-span-2">
                    <Button look=Look::Secondary small=false {..} formmethod="get" formaction=here
                        on:click=move |ev| { ev.prevent_default(); check.refetch(); }>
                        "Check conflicts"
                    </Button>
                    <Button {..} disabled=move || plan.pending().get()>
                        {move || if plan.pending().get() { "Planning…" } else { "Plan touch" }}
                    </Button>
                </div>
            </form>
        </section>
    }
}
