//! The senders page: what each connected provider is told, how to connect another, and what
//! arrived but could not be mapped.

use super::dead_letters_section::DeadLettersSection;
use super::overview::senders_overview;
use super::sources_section::SourcesSection;
use super::{AddSnsCertificate, ConnectSource, DisableSource, ReplayDeadLetter, RotateSource};
use crate::settings::error_text;
use crate::ui::Refusal;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The senders page.
#[component]
pub fn SendersPage() -> impl IntoView {
    let connect = crate::ui::flash::action::<ConnectSource>();
    let rotate = crate::ui::flash::action::<RotateSource>();
    let disable = crate::ui::flash::action::<DisableSource>();
    let replay = crate::ui::flash::action::<ReplayDeadLetter>();
    let add_cert = crate::ui::flash::action::<AddSnsCertificate>();
    let data = Resource::new(|| (), |_| senders_overview());
    let query = use_query_map();
    let confirm = move || {
        query
            .read()
            .get("disable")
            .and_then(|v| v.parse::<i64>().ok())
    };
    let done = move || {
        let said = [
            connect.value().get().map(|r| {
                r.map(|id| {
                    format!("Source {id} connected: give its provider the URL and steps below.")
                })
            }),
            rotate.value().get().map(|r| {
                r.map(|()| {
                    "Secret replaced; the previous one keeps verifying for 24 hours.".to_owned()
                })
            }),
            disable.value().get().map(|r| {
                r.map(|()| "Source switched off: its URL answers 404 from now on.".to_owned())
            }),
            replay
                .value()
                .get()
                .map(|r| r.map(|id| format!("Dead letter {id} replayed onto the ledger."))),
        ];
        said.into_iter().flatten().next()
    };
    let outcome = move || {
        done().map(|r| match r {
            Ok(text) => view! { <p role="status" class="rounded-md border border-emerald-400 bg-emerald-50 p-3 text-sm font-medium dark:border-emerald-700 dark:bg-emerald-950" data-testid="senders-outcome">{text}</p> }.into_any(),
            Err(e) => view! { <p role="alert" class="rounded-md border border-red-400 bg-red-50 p-3 text-sm font-medium text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200" data-testid="senders-error">{error_text(&e)}</p> }.into_any(),
        })
    };
    view! {
        <Title text="Senders" />
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <Refusal error=e /> }.into_any(),
                    Ok(o) => view! {
                        <p class="text-sm"><a class="underline" href="/settings">"Settings"</a>" / Senders"</p>
                        <h1 class="mt-1 text-2xl font-semibold">"Senders"</h1>
                        <p class="mt-2 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
                            "Connect the email, SMS and call providers your teams send through. Concord then hears their bounces, unsubscribes, STOP replies, inbound replies and calls directly, for every team at once."
                        </p>
                        <div class="mt-4">{outcome}</div>
                        <div class="mt-6 space-y-10">
                            <SourcesSection sources=o.sources kinds=o.kinds zone=o.zone confirm=confirm() connect rotate disable add_cert />
                            <DeadLettersSection letters=o.dead_letters zone=o.zone replay />
                        </div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
