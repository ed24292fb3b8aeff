//! The planner page, `/plan`: how to plan a single touch, and the campaign planner — form,
//! preview (computed from the page's address) and plan.

use super::campaign_form::CampaignForm;
use super::context::load_planner;
use super::outcome::Outcome;
use super::preview_report::PreviewReport;
use super::{preview_campaign, CampaignFields, PlanCampaign};
use crate::domain::RuleId;
use crate::ui::{ErrorNote, Progress};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

/// The page.
#[component]
pub fn PlannerPage() -> impl IntoView {
    let query = use_query_map();
    let context = Resource::new(|| (), |_| load_planner());
    let fields = Memo::new(move |_| fields_from(&query.read()));
    let page = Memo::new(move |_| sample_page(&query.read()));
    let preview = Resource::new(
        move || (fields.get(), page.get()),
        |(fields, (rule, from))| async move {
            if fields.is_blank() {
                Ok(None)
            } else {
                preview_campaign(fields, rule, from).await.map(Some)
            }
        },
    );
    // A failed plan (without JavaScript, it comes back in the address) is shown here.
    let plan = ServerAction::<PlanCampaign>::new();
    let plan_error = move || match plan.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNote error /> }),
        _ => None,
    };
    view! {
        <Title text="Planner" />
        <h1 class="text-2xl font-semibold">"Planner"</h1>
        <section aria-labelledby="single-heading" class="mt-4">
            <h2 id="single-heading" class="text-lg font-semibold">"A single touch"</h2>
            <p class="mt-1 text-sm">
                "Find the contact, then plan from their timeline: its conflicts show before you save. "
                <a class="underline" href="/contacts">"Find a contact"</a>
            </p>
        </section>
        <section aria-labelledby="campaign-heading" class="mt-6">
            <h2 id="campaign-heading" class="text-lg font-semibold">"A campaign"</h2>
            <Outcome query=query.get_untracked() />
            {plan_error}
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match context.await {
                        Ok(context) => {
                            let zone = context.zone;
                            view! {
                                <Progress message=CHECKING.to_owned()>
                                    <div class="mt-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
                                        <CampaignForm context fields=fields.get_untracked() />
                                    </div>
                                </Progress>
                                <Suspense fallback=|| ()>
                                    {move || Suspend::new(async move {
                                        match preview.await {
                                            Ok(Some(found)) => view! { <PreviewReport preview=found fields=fields.get_untracked() zone /> }.into_any(),
                                            Ok(None) => ().into_any(),
                                            Err(error) => view! {
                                                <p role="alert" class="mt-4 font-medium text-red-800 dark:text-red-300" data-testid="preview-error">{error.to_string()}</p>
                                            }.into_any(),
                                        }
                                    })}
                                </Suspense>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorNote error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The campaign fields in the page's address (`stage` may repeat).
fn fields_from(query: &ParamsMap) -> CampaignFields {
    let get = |key: &str| query.get(key).unwrap_or_default();
    CampaignFields {
        title: get("title"),
        channel: get("channel"),
        purpose: get("purpose"),
        at: get("at"),
        team_id: get("team_id"),
        stages: query.get_all("stage").unwrap_or_default().join(","),
        conditions: get("conditions"),
    }
}

/// Which page of one rule's samples the address asks for (`rule`, `from`).
fn sample_page(query: &ParamsMap) -> (Option<RuleId>, Option<u64>) {
    let rule = query.get("rule").and_then(|r| RuleId::parse(&r).ok());
    let from = query.get("from").and_then(|f| f.parse().ok());
    (rule, from.filter(|_| rule.is_some()))
}

/// What the page says while the server previews a campaign (a large audience takes a while).
const CHECKING: &str = "Checking every recipient against every rule…";
