//! The blackout dates page: the form to close a day, and each closed day with what it closes.
//! Removing one asks first, since it lets touches out that day again.

use super::overview::{blackouts_overview, BlackoutRow};
use super::{AddBlackout, RemoveBlackout};
use crate::domain::Channel;
use crate::models::calendar::Choice;
use crate::settings::error_text;
use crate::ui::{Button, ButtonLink, Field, Input, Look, Select};
use crate::ui::{ConfirmBox, Refusal};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The blackout dates page.
#[component]
pub fn BlackoutsPage() -> impl IntoView {
    let add = crate::ui::flash::action::<AddBlackout>();
    let remove = crate::ui::flash::action::<RemoveBlackout>();
    let data = Resource::new(
        move || (add.version().get(), remove.version().get()),
        |_| blackouts_overview(),
    );
    let query = use_query_map();
    let asking = move || {
        let q = query.read();
        q.get("remove").zip(q.get("name"))
    };
    let outcome = move || {
        let shown = match (add.value().get(), remove.value().get()) {
            (Some(r), None) | (None, Some(r)) => Some(r),
            (Some(a), Some(r)) => Some(if add.version().get() >= remove.version().get() {
                a
            } else {
                r
            }),
            (None, None) => None,
        };
        shown.map(|r| match r {
            Ok(text) => view! { <p role="status" class="rounded-md border border-emerald-400 bg-emerald-50 p-3 text-sm font-medium dark:border-emerald-700 dark:bg-emerald-950" data-testid="blackouts-outcome">{text}</p> }.into_any(),
            Err(e) => view! { <p role="alert" class="rounded-md border border-red-400 bg-red-50 p-3 text-sm font-medium text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200" data-testid="blackouts-error">{error_text(&e)}</p> }.into_any(),
        })
    };
    view! {
        <Title text="Blackout dates" />
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <Refusal error=e /> }.into_any(),
                    Ok(d) => {
                        let asked = asking();
                        let rows = d.days.clone();
                        view! {
                            <p class="text-sm"><a class="underline" href="/settings">"Settings"</a>" / Blackout dates"</p>
                            <h1 class="mt-1 text-2xl font-semibold">"Blackout dates"</h1>
                            <p class="mt-2 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
                                "Days the company closes to outreach — a sale-free day, a crisis freeze — for every channel and team or only one. A touch planned on such a day, on the contact's own calendar, gets a holiday conflict; transactional touches still go. Blackout dates show on the team calendar."
                            </p>
                            <div class="mt-4">{outcome}</div>
                            <AddForm add teams=d.teams today=d.today />
                            <h2 class="mt-8 text-lg font-semibold">"Closed days"</h2>
                            {if rows.is_empty() {
                                view! { <p class="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="blackouts-empty">"No blackout dates yet: every day is open."</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
                                        {rows.into_iter().map(|row| {
                                            let confirming = asked.as_ref().is_some_and(|(date, name)| *date == row.date.to_string() && *name == row.name);
                                            view! { <Day row confirming remove /> }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The form that closes a day.
#[component]
fn AddForm(
    add: ServerAction<AddBlackout>,
    teams: Vec<Choice>,
    today: chrono::NaiveDate,
) -> impl IntoView {
    view! {
        <section aria-labelledby="add-blackout" class="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h2 id="add-blackout" class="text-lg font-semibold">"Close a day"</h2>
            <ActionForm action=add attr:class="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                <Field id="blackout-date" label="Day">
                    <Input kind="date" {..} id="blackout-date" name="date" required=true min=today.to_string() />
                </Field>
                <Field id="blackout-name" label="Name">
                    <Input {..} id="blackout-name" name="name" required=true maxlength="100" placeholder="Crisis freeze" />
                </Field>
                <Field id="blackout-channel" label="Channel">
                    <Select {..} id="blackout-channel" name="channel">
                        <option value="">"Every channel"</option>
                        {Channel::ALL.iter().map(|c| view! { <option value=c.as_str()>{c.noun()}</option> }).collect_view()}
                    </Select>
                </Field>
                <Field id="blackout-team" label="Team">
                    <Select {..} id="blackout-team" name="team">
                        <option value="">"Every team"</option>
                        {teams.into_iter().map(|t| view! { <option value=t.id.to_string()>{t.name}</option> }).collect_view()}
                    </Select>
                </Field>
                <div class="sm:col-span-2 lg:col-span-4">
                    <Button>"Close this day"</Button>
                </div>
            </ActionForm>
        </section>
    }
}

/// One closed day, with its remove step.
#[component]
fn Day(row: BlackoutRow, confirming: bool, remove: ServerAction<RemoveBlackout>) -> impl IntoView {
    let date = row.date.to_string();
    let when = row.date.format("%a %-d %b %Y").to_string();
    let href = format!(
        "/settings/blackouts?{}",
        form_urlencoded::Serializer::new(String::new())
            .append_pair("remove", &date)
            .append_pair("name", &row.name)
            .finish()
    );
    let confirm_id = format!("remove-{date}");
    let control = if confirming {
        let (date, name) = (date.clone(), row.name.clone());
        let question =
            format!("Open {when} again? Touches that day stop getting a holiday conflict from it.");
        view! {
            <ConfirmBox id=confirm_id question keep="/settings/blackouts".to_owned()>
                <ActionForm action=remove>
                    <input type="hidden" name="date" value=date />
                    <input type="hidden" name="name" value=name />
                    <Button look=Look::Danger>"Remove"</Button>
                </ActionForm>
            </ConfirmBox>
        }
        .into_any()
    } else {
        let hidden = format!(" {when}");
        view! { <ButtonLink look=Look::Secondary small=true {..} href=href>"Remove…" <span class="sr-only">{hidden}</span></ButtonLink> }.into_any()
    };
    view! {
        <li class="flex flex-wrap items-start justify-between gap-3 p-3 text-sm" data-blackout=date.clone()>
            <div>
                <p class="font-medium">{when.clone()} " — " {row.name.clone()} {row.past.then(|| view! { <span class="ml-1 text-xs text-slate-600 dark:text-slate-400">"(past)"</span> })}</p>
                <p class="text-slate-700 dark:text-slate-300">{row.channels} " · " {row.teams}</p>
            </div>
            <div>{control}</div>
        </li>
    }
}
