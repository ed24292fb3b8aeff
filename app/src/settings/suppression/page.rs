//! The suppression lists page: the upload form, what the last upload did (read from the
//! address the upload redirects to), a warning for each registry extract past its 31 days, and
//! each list with its remove step.

use super::overview::suppression_overview;
use super::RemoveSuppressionList;
use crate::models::suppression_list::ListView;
use crate::settings::error_text;
use crate::ui::{Button, ButtonLink, Field, Input, Look, Select};
use crate::ui::{ConfirmBox, Refusal};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The suppression lists page.
#[component]
pub fn SuppressionPage() -> impl IntoView {
    let remove = crate::ui::flash::action::<RemoveSuppressionList>();
    let data = Resource::new(move || remove.version().get(), |_| suppression_overview());
    let query = use_query_map();
    let asking = move || {
        query
            .read()
            .get("remove")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let uploaded = move || {
        let q = query.read();
        if let Some(error) = q.get("error") {
            return Some(
                view! { <p role="alert" class=ERROR data-testid="suppression-error">{error}</p> }
                    .into_any(),
            );
        }
        let entries = q.get("entries")?;
        let blocked = q.get("blocked").unwrap_or_default();
        let rejected = q.get("rejected").unwrap_or_else(|| "0".into());
        let bad = q.get("bad").map(|b| format!(" First: {b}"));
        Some(view! {
            <p role="status" class=DONE data-testid="suppression-outcome">
                {format!("Imported {entries} numbers or addresses; {blocked} contacts are now blocked on its channels; {rejected} lines could not be read.")}
                {bad}
            </p>
        }.into_any())
    };
    let outcome = move || {
        remove.value().get().map(|r| match r {
            Ok(text) => view! { <p role="status" class=DONE data-testid="suppression-outcome">{text}</p> }.into_any(),
            Err(e) => view! { <p role="alert" class=ERROR data-testid="suppression-error">{error_text(&e)}</p> }.into_any(),
        })
    };
    view! {
        <Title text="Suppression lists" />
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <Refusal error=e /> }.into_any(),
                    Ok(lists) => {
                        let confirming = asking();
                        let stale: Vec<String> = lists.iter().filter(|l| l.warning.is_some()).map(|l| l.name.clone()).collect();
                        view! {
                            <p class="text-sm"><a class="underline" href="/settings">"Settings"</a>" / Suppression lists"</p>
                            <h1 class="mt-1 text-2xl font-semibold">"Suppression lists"</h1>
                            <p class="mt-2 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
                                "A do-not-call registry extract or the company's own suppression file: every number or address on a list in force is blocked for its channels, for every team, by the consent rule. Registry extracts must be refreshed at least every 31 days (US and Canadian rules)."
                            </p>
                            {(!stale.is_empty()).then(|| view! {
                                <p role="alert" class=format!("mt-4 {ERROR}") data-testid="suppression-stale">
                                    {format!("Out of date: {}. Import a fresh extract and remove the old one.", stale.join(", "))}
                                </p>
                            })}
                            <div class="mt-4 space-y-2">{uploaded}{outcome}</div>
                            <UploadForm />
                            <h2 class="mt-8 text-lg font-semibold">"Lists in force"</h2>
                            {if lists.is_empty() {
                                view! { <p class="mt-2 text-sm" data-testid="suppression-empty">"No suppression list yet."</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
                                        {lists.into_iter().map(|list| {
                                            let asked = confirming == Some(list.id);
                                            view! { <ListItem list asked remove /> }
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

/// The upload form: a plain multipart post to the server's route.
#[component]
fn UploadForm() -> impl IntoView {
    view! {
        <section aria-labelledby="upload-list" class="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h2 id="upload-list" class="text-lg font-semibold">"Import a list"</h2>
            <form method="post" action="/settings/suppression" enctype="multipart/form-data" class="mt-3 grid gap-3 sm:grid-cols-2">
                <Field id="list-file" label="File (one number or address a line, or the first column of a CSV)" class="sm:col-span-2">
                    <Input kind="file" {..} id="list-file" name="file" required=true accept=".csv,.txt,text/csv,text/plain" />
                </Field>
                <Field id="list-name" label="Name">
                    <Input {..} id="list-name" name="name" required=true maxlength="100" placeholder="US DNC extract" />
                </Field>
                <Field id="list-date" label="Date of the extract">
                    <Input kind="date" {..} id="list-date" name="list_date" required=true />
                </Field>
                <Field id="list-kind" label="Kind">
                    <Select {..} id="list-kind" name="kind">
                        <option value="registry">"Do-not-call registry extract"</option>
                        <option value="company">"Company suppression file"</option>
                    </Select>
                </Field>
                <Field id="list-channels" label="Blocks">
                    <Select {..} id="list-channels" name="channels">
                        <option value="phone,sms">"Calls and texts (phone numbers)"</option>
                        <option value="phone">"Calls (phone numbers)"</option>
                        <option value="sms">"Texts (phone numbers)"</option>
                        <option value="email">"Email (addresses)"</option>
                    </Select>
                </Field>
                <div class="sm:col-span-2">
                    <Button>"Import list"</Button>
                </div>
            </form>
        </section>
    }
}

/// One list, with its warning and remove step.
#[component]
fn ListItem(
    list: ListView,
    asked: bool,
    remove: ServerAction<RemoveSuppressionList>,
) -> impl IntoView {
    let kind = if list.kind == "registry" {
        "Registry extract"
    } else {
        "Company file"
    };
    let confirm_id = format!("remove-list-{}", list.id);
    let (list_name, name_value) = (list.name.clone(), list.name.clone());
    let control = if asked {
        let question =
            format!("Remove {list_name}? Its numbers and addresses stop being blocked at once.");
        view! {
            <ConfirmBox id=confirm_id question keep="/settings/suppression".to_owned()>
                <ActionForm action=remove>
                    <input type="hidden" name="id" value=list.id />
                    <input type="hidden" name="name" value=name_value />
                    <Button look=Look::Danger>"Remove"</Button>
                </ActionForm>
            </ConfirmBox>
        }
        .into_any()
    } else {
        let hidden = format!(" {}", list.name);
        view! { <ButtonLink look=Look::Secondary small=true {..} href=format!("/settings/suppression?remove={}", list.id)>"Remove…" <span class="sr-only">{hidden}</span></ButtonLink> }.into_any()
    };
    view! {
        <li class="flex flex-wrap items-start justify-between gap-3 p-3 text-sm" data-list=list.id>
            <div>
                <p class="font-medium">{list.name.clone()}</p>
                <p class="text-slate-700 dark:text-slate-300">
                    {format!("{kind} of {} · {} entries · blocks {}", list.list_date.format("%-d %b %Y"), list.entries, list.channels.join(", "))}
                </p>
                {list.warning.map(|w| view! { <p class="mt-1 font-medium text-red-800 dark:text-red-300" data-testid="list-warning">{w}</p> })}
            </div>
            <div>{control}</div>
        </li>
    }
}

const DONE: &str = "rounded-md border border-emerald-400 bg-emerald-50 p-3 text-sm font-medium dark:border-emerald-700 dark:bg-emerald-950";
const ERROR: &str = "rounded-md border border-red-400 bg-red-50 p-3 text-sm font-medium text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200";
