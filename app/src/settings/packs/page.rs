//! The rule packs page: each pack with its switch and the table of its rules (where, what it
//! allows, the source). Switching a pack off asks first, since it lets touches break that law.

use super::edit::PackEditOutcome;
use super::overview::{packs_overview, PackRuleView, PackView};
use super::{EditPackRule, SwitchPack};
use crate::error::AppError;
use crate::settings::error_text;
use crate::ui::notice::outcome_box;
use crate::ui::style::LABEL;
use crate::ui::table::{Heading, Table, CELL, ROW};
use crate::ui::Refusal;
use crate::ui::{Button, ButtonLink, Look};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The rule packs page.
#[component]
pub fn PacksPage() -> impl IntoView {
    let switch = crate::ui::flash::action::<SwitchPack>();
    let edit = crate::ui::flash::action::<EditPackRule>();
    let data = Resource::new(
        move || (switch.version().get(), edit.version().get()),
        |_| packs_overview(),
    );
    let query = use_query_map();
    let confirm = move || query.read().get("off");
    let editing = move || query.read().get("edit");
    let outcome = move || {
        let plain = |r: Result<String, AppError>| r.map(|text| (text, false));
        let edited = |r: Result<PackEditOutcome, AppError>| r.map(|o| (o.text, o.weaker));
        let latest = match (
            switch.value().get().map(plain),
            edit.value().get().map(edited),
        ) {
            (Some(s), Some(e)) => Some(if edit.version().get() > switch.version().get() {
                e
            } else {
                s
            }),
            (s, e) => s.or(e),
        };
        latest.map(|r| match r {
            Ok((text, weaker)) => view! {
                <p role="status" class=format!("text-sm font-medium {}", outcome_box(weaker)) data-testid="packs-outcome" data-weaker=weaker.to_string()>
                    {weaker.then_some("Warning: ")}{text}
                </p>
            }.into_any(),
            Err(e) => view! { <p role="alert" class="rounded-md border border-red-400 bg-red-50 p-3 text-sm font-medium text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200" data-testid="packs-error">{error_text(&e)}</p> }.into_any(),
        })
    };
    view! {
        <Title text="Rule packs" />
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <Refusal error=e /> }.into_any(),
                    Ok(packs) => view! {
                        <p class="text-sm"><a class="underline" href="/settings">"Settings"</a>" / Rule packs"</p>
                        <h1 class="mt-1 text-2xl font-semibold">"Rule packs"</h1>
                        <p class="mt-2 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
                            "The law of each place, as rules Concord enforces for every team: calling and texting hours, caps on sales calls, public holidays and quiet periods after a refusal, read in each contact's own time zone. A contact's place comes from its address, else its phone number; where its phone's area code is in another state, both laws apply. Research notes, not legal advice: check each rule against its source."
                        </p>
                        <div class="mt-4">{outcome}</div>
                        <div class="mt-6 space-y-8">
                            {packs.into_iter().map(|pack| {
                                let asking = confirm().is_some_and(|id| id == pack.id);
                                let editing = editing();
                                view! { <PackCard pack asking switch edit editing /> }
                            }).collect_view()}
                        </div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One pack: its state, its switch and its rules.
#[component]
fn PackCard(
    pack: PackView,
    asking: bool,
    switch: ServerAction<SwitchPack>,
    edit: ServerAction<EditPackRule>,
    editing: Option<String>,
) -> impl IntoView {
    let heading = format!("pack-{}", pack.id);
    let state = if pack.enabled { "On" } else { "Off" };
    let badge = if pack.enabled {
        "rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
    } else {
        "rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800 dark:bg-slate-700 dark:text-slate-100"
    };
    let (id, name, name_label) = (pack.id.clone(), pack.name.clone(), pack.name.clone());
    let confirm_id = format!("{heading}-confirm");
    let labelled = confirm_id.clone();
    let (anchor, section_id, label_id) = (heading.clone(), heading.clone(), heading.clone());
    let control = match (pack.enabled, asking) {
        (false, _) => view! {
            <ActionForm action=switch>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="enabled" value="true" />
                <Button>"Switch on " <span class="sr-only">{name}</span></Button>
            </ActionForm>
        }.into_any(),
        (true, false) => view! {
            <ButtonLink look=Look::Secondary small=true {..} href=format!("/settings/packs?off={id}#{anchor}")>"Switch off…"</ButtonLink>
        }.into_any(),
        (true, true) => view! {
            <div role="alertdialog" aria-labelledby=labelled class="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950">
                <p id=confirm_id>"Switch off " {name} "? Its rules stop blocking touches at once, for every team."</p>
                <div class="mt-2 flex gap-2">
                    <ActionForm action=switch>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="enabled" value="false" />
                        <Button look=Look::Danger>"Switch off"</Button>
                    </ActionForm>
                    <ButtonLink look=Look::Secondary small=true {..} href="/settings/packs">"Keep it on"</ButtonLink>
                </div>
            </div>
        }.into_any(),
    };
    let items = pack
        .rules
        .iter()
        .cloned()
        .map(|rule| view! { <RuleItem rule /> })
        .collect_view();
    let form = editing
        .as_ref()
        .and_then(|key| pack.rules.iter().find(|r| &r.key == key))
        .cloned()
        .map(|rule| view! { <EditForm rule edit pack=pack.id.clone() /> });
    let rules = pack
        .rules
        .into_iter()
        .map(|rule| view! { <RuleRow rule /> })
        .collect_view();
    view! {
        <section aria-labelledby=label_id id=section_id class="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-pack=pack.id.clone()>
            <div class="flex flex-wrap items-center justify-between gap-3">
                <h2 id=heading class="text-lg font-semibold">{pack.name.clone()} " " <span class=badge data-testid="pack-state">{state}</span></h2>
                {control}
            </div>
            <p class="mt-1 text-xs text-slate-600 dark:text-slate-400">"Version " {pack.version}</p>
            {form}
            <ul class="mt-3 divide-y divide-slate-100 text-sm sm:hidden dark:divide-slate-800">{items}</ul>
            <Table caption=format!("{name_label} rules") class="mt-3 hidden sm:block" headings=&[
                Heading::Shown("Where"),
                Heading::Shown("Allows"),
                Heading::Shown("Rule"),
                Heading::Shown("Source"),
            ]>{rules}</Table>
        </section>
    }
}

/// One rule of a pack.
#[component]
fn RuleRow(rule: PackRuleView) -> impl IntoView {
    let key = rule.key.clone();
    view! {
        <tr class=ROW data-pack-rule=rule.key>
            <td class=format!("{CELL} whitespace-nowrap")>{rule.applies_to}</td>
            <td class=CELL>
                {rule.allows.clone()}
                {rule.law_allows.clone().map(|law| view! { <span class="block text-xs text-slate-600 dark:text-slate-400" data-testid="law-allows">"The law: " {law}</span> })}
                {rule.warning.clone().map(|w| view! { <span class="block text-xs font-semibold text-red-800 dark:text-red-300" data-testid="pack-rule-warning">{w}</span> })}
                {rule.note.clone().map(|n| view! { <span class="block text-xs text-amber-800 dark:text-amber-300">"Note: " {n}</span> })}
            </td>
            <td class=format!("{CELL} font-mono text-xs")>{rule.rule.clone()}</td>
            <td class=format!("{CELL} text-xs")>{rule.source.clone()} " " <EditLink key=key /></td>
        </tr>
    }
}

/// One rule of a pack, stacked for a narrow screen.
#[component]
fn RuleItem(rule: PackRuleView) -> impl IntoView {
    let key = rule.key.clone();
    view! {
        <li class="py-2">
            <p class="font-medium">{rule.applies_to}</p>
            <p>{rule.allows.clone()}</p>
            {rule.law_allows.clone().map(|law| view! { <p class="text-xs text-slate-600 dark:text-slate-400">"The law: " {law}</p> })}
            {rule.warning.clone().map(|w| view! { <p class="text-xs font-semibold text-red-800 dark:text-red-300">{w}</p> })}
            {rule.note.clone().map(|n| view! { <p class="text-xs text-amber-800 dark:text-amber-300">"Note: " {n}</p> })}
            <p class="text-xs text-slate-600 dark:text-slate-400"><span class="font-mono">{rule.rule.clone()}</span> " · " {rule.source.clone()} " " <EditLink key=key /></p>
        </li>
    }
}

/// The link that opens a rule's edit form.
#[component]
fn EditLink(key: String) -> impl IntoView {
    let pack = key.split('-').next().unwrap_or_default().to_owned();
    view! {
        <a class="whitespace-nowrap underline" href=format!("/settings/packs?edit={key}#pack-{pack}")>
            "Edit…" <span class="sr-only">{format!(" {key}")}</span>
        </a>
    }
}

/// The form that edits one rule, with the law's value beside it.
#[component]
fn EditForm(rule: PackRuleView, edit: ServerAction<EditPackRule>, pack: String) -> impl IntoView {
    let heading = format!("edit-{}", rule.key);
    let labelled = heading.clone();
    let (key, reset_key) = (rule.key.clone(), rule.key.clone());
    let law = rule
        .law_allows
        .clone()
        .unwrap_or_else(|| rule.allows.clone());
    view! {
        <section aria-labelledby=labelled class="mt-3 rounded-md border border-indigo-300 bg-indigo-50 p-3 text-sm dark:border-indigo-800 dark:bg-indigo-950" data-testid="pack-rule-edit">
            <h3 id=heading class="font-semibold">{format!("Edit {} — {}", rule.key, rule.applies_to)}</h3>
            <p class="mt-1">"The law: " {law}</p>
            <p class="mt-1 text-xs">"A higher cap, a shorter quiet period or switching the rule off is weaker than the law: Concord saves it and warns beside the rule."</p>
            <ActionForm action=edit attr:class="mt-2 flex flex-wrap items-end gap-3">
                <input type="hidden" name="key" value=key />
                <label class="flex items-center gap-2">
                    <input type="checkbox" name="enabled" value="on" checked=rule.enabled />
                    "Rule on"
                </label>
                {rule.limit.map(|limit| view! {
                    <label class=LABEL>"Limit"
                        <input type="number" name="limit" min="1" max="1000" value=limit class=SMALL_INPUT />
                    </label>
                })}
                {rule.days.map(|days| view! {
                    <label class=LABEL>"Days"
                        <input type="number" name="days" min="1" max="3650" value=days class=SMALL_INPUT />
                    </label>
                })}
                <Button>"Save"</Button>
            </ActionForm>
            <div class="mt-2 flex gap-2">
                <ActionForm action=edit>
                    <input type="hidden" name="key" value=reset_key />
                    <input type="hidden" name="reset" value="yes" />
                    <Button look=Look::Secondary small=true>"Back to the law"</Button>
                </ActionForm>
                <ButtonLink look=Look::Secondary small=true {..} href=format!("/settings/packs#pack-{pack}")>"Close"</ButtonLink>
            </div>
        </section>
    }
}

const SMALL_INPUT: &str = "mt-1 block w-24 rounded-md border border-slate-500 bg-white px-2 py-1 dark:border-slate-400 dark:bg-slate-950";
