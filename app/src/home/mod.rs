//! The start page after signing in: a workspace. Everyone sees what they planned for today,
//! their touches waiting for a manager's review and what was decided about theirs lately;
//! those who claim contacts see theirs that need them; managers and admins see what waits for
//! them, admins what is not set up yet, and those who plan campaigns theirs still to go out.

mod attention;
mod campaign_list;
mod decided_list;
pub mod load;
mod pressure_week;
mod setup_list;
mod today_list;
mod touch_list;

use crate::app::UserResource;
use crate::models::workspace::{Oversight, Workspace};
use crate::ui::ErrorNote;
use attention::AttentionLists;
use campaign_list::CampaignList;
use decided_list::DecidedList;
use leptos::prelude::*;
use leptos_meta::Title;
use load::{load_workspace, LISTED};
use pressure_week::PressureWeek;
use setup_list::SetupList;
use today_list::TodayList;
use touch_list::TouchList;

const SECTION: &str =
    "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

/// Greets the signed-in user and lays out their workspace.
#[component]
pub fn HomePage() -> impl IntoView {
    let user = use_context::<UserResource>();
    let workspace = Resource::new(|| (), |_| load_workspace());
    view! {
        <Title text="Home" />
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let user = match user {
                    Some(u) => u.await.ok().flatten(),
                    None => None,
                };
                let greeting = user.map(|u| view! {
                    <h1 class="text-2xl font-semibold">{format!("Welcome, {}", u.name)}</h1>
                    <p class="mt-1 text-slate-700 dark:text-slate-300">
                        "You are signed in as " <strong>{u.role.as_str()}</strong> " in "
                        <strong>{u.team.clone()}</strong> "."
                    </p>
                });
                let body = match workspace.await {
                    Ok(w) => view! { <Sections w /> }.into_any(),
                    Err(error) => view! { <ErrorNote error /> }.into_any(),
                };
                view! { {greeting} {body} }
            })}
        </Transition>
    }
}

/// The workspace's sections.
#[component]
fn Sections(w: Workspace) -> impl IntoView {
    let zone = w.zone;
    let more = w.waiting_total.saturating_sub(w.waiting.len() as u64);
    view! {
        {w.oversight.map(|o| view! { <ForYou o /> })}
        <div class="mt-4 grid gap-4 lg:grid-cols-2">
            {w.pressure.map(|week| view! {
                <Section id="week" title="This week's pressure" blurb=week.span_text() wide=true>
                    <PressureWeek week />
                </Section>
            })}
            {w.setup.map(|setup| view! {
                <Section id="setup" title="Set up Concord" blurb="What is not set up yet, and where to do it." wide=true>
                    <SetupList setup />
                </Section>
            })}
            {w.attention.map(|attention| view! {
                <Section id="attention" title="Your contacts" blurb="Contacts you own whose reply waits for an answer or whose cadence has a gap, and your claims about to lapse." wide=true>
                    <AttentionLists attention zone />
                </Section>
            })}
            {w.campaigns.map(|campaigns| view! {
                <Section id="campaigns" title="Your campaigns" blurb="Yours still to go out, soonest first, and what conflicts with them: the rules their touches run into, and touches planned since that run into theirs." wide=true>
                    <CampaignList campaigns zone />
                </Section>
            })}
            <Section id="today" title="Today" blurb="What you planned that goes out today, your time.">
                <TodayList today=w.today zone />
            </Section>
            <Section id="waiting" title="Waiting for review" blurb="Your touches with a block conflict, until a manager approves or rejects them.">
                <TouchList touches=w.waiting zone empty="None of your touches waits for a manager." />
                {(more > 0).then(|| view! { <p class="mt-1 text-sm">{format!("and {more} more")}</p> })}
            </Section>
            <Section id="decided" title="Decided lately" blurb=format!("A manager's decisions on your touches in the last two weeks, newest first (the last {LISTED}).") wide=true>
                <DecidedList decided=w.decided zone />
            </Section>
        </div>
    }
}

/// One titled section of the workspace; `id` names its heading and its test id, and a `wide`
/// one spans both columns on a laptop.
#[component]
fn Section(
    id: &'static str,
    title: &'static str,
    #[prop(into)] blurb: String,
    #[prop(optional)] wide: bool,
    children: Children,
) -> impl IntoView {
    let class = if wide {
        format!("{SECTION} lg:col-span-2")
    } else {
        SECTION.to_owned()
    };
    view! {
        <section aria-labelledby=id class=class data-testid=id>
            <h2 id=id class="text-lg font-semibold">{title}</h2>
            <p class="text-xs text-slate-600 dark:text-slate-400">{blurb}</p>
            {children()}
        </section>
    }
}

/// What waits for a manager or an admin, with the way to it.
#[component]
fn ForYou(o: Oversight) -> impl IntoView {
    let touches = match o.pending {
        1 => "1 touch waits for review".to_owned(),
        n => format!("{n} touches wait for review"),
    };
    let requests = match o.requests {
        1 => "1 claim request is open".to_owned(),
        n => format!("{n} claim requests are open"),
    };
    let busy = o.pending + o.requests > 0;
    view! {
        <p class=format!("mt-4 {}", crate::ui::notice::outcome_box(busy)) data-testid="for-you">
            {format!("{touches}; {requests}. ")}
            <a class="font-medium underline" href="/review">"Open the review queue"</a>
            {(o.requests > 0).then(|| view! {
                " · " <a class="font-medium underline" href="/review?tab=claims">"See the claim requests"</a>
            })}
        </p>
    }
}
