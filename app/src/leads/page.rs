//! The leads board page: four sections, and how the last claim or release went.

use super::load_board::load_board;
use super::row_actions::RowActions;
use super::section::Section;
use crate::app::UserResource;
use crate::models::leads::BoardPages;
use crate::ui::{ErrorNote, Notice};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/leads`: claim, release and request contacts; see lapsing claims and alerts.
#[component]
pub fn LeadsPage() -> impl IntoView {
    let query = use_query_map();
    let include_owned = Memo::new(move |_| query.read().get("hot").as_deref() == Some("all"));
    let pages = Memo::new(move |_| BoardPages::from_query(|k| query.read().get(k)));
    let actions = RowActions::new();
    let board = Resource::new(
        move || (include_owned.get(), pages.get()),
        |(owned, pages)| load_board(owned, Some(pages)),
    );
    let zone = use_context::<UserResource>();
    // What the form post this page came back from did (see `ui::flash`), or its refusal; a
    // claim's end in the viewer's zone.
    let message = actions.message(move || match zone.and_then(|z| z.get()) {
        Some(Ok(Some(u))) => Some(u.timezone),
        _ => None,
    });

    view! {
        <Title text="Leads" />
        <h1 class="text-2xl font-semibold">"Leads"</h1>
        <p class="mt-1 text-slate-700 dark:text-slate-300">
            "Claim hot leads before they cool, keep your claims alive, and answer people who wrote back."
        </p>
        <Transition fallback=|| view! { <p>"Loading the board…"</p> }>
            {move || Suspend::new(async move {
                // The notice gives a claim's end in the viewer's zone.
                if let Some(user) = zone {
                    let _ = user.await;
                }
                let board = match board.await {
                    Ok(b) => {
                        let viewer = b.viewer.clone();
                        let (pages, owned) = (b.pages, b.include_owned);
                        let hot_description = if b.include_owned {
                            "Prospects, leads and opportunities with an inbound interaction in the last 30 days, latest first, owned or not."
                        } else {
                            "Unowned prospects, leads and opportunities with an inbound interaction in the last 30 days, latest first."
                        };
                        let toggle = if b.include_owned {
                            view! { <a class="text-sm underline" href="/leads">"Show unowned hot leads only"</a> }
                        } else {
                            view! { <a class="text-sm underline" href="/leads?hot=all">"Also show hot leads others own"</a> }
                        };
                        view! {
                            <Section id="hot" title="Hot leads"
                                description=hot_description
                                empty="No hot leads right now." list=b.hot viewer=viewer.clone() actions pages include_owned=owned />
                            <div class="mt-2">{toggle}</div>
                            <Section id="mine" title="My contacts" description="Contacts you own, the claim that lapses first on top. Outbound work renews a claim."
                                empty="You own no contacts. Claim a hot lead above." list=b.mine viewer=viewer.clone() actions pages include_owned=owned />
                            <Section id="lapsing" title="Claims about to lapse" description="Claims that lapse within 3 days unless their owner does outbound work."
                                empty="No claims lapse in the next 3 days." list=b.lapsing viewer=viewer.clone() actions pages include_owned=owned />
                            <Section id="alerts" title="Needs attention" description="Contacts with an unanswered reply or a broken cadence."
                                empty="No unanswered replies or cadence gaps." list=b.alerting viewer actions pages include_owned=owned />
                        }.into_any()
                    }
                    Err(error) => view! { <div class="mt-6"><ErrorNote error /></div> }.into_any(),
                };
                view! { <div class="mt-4"><Notice message /></div> {board} }
            })}
        </Transition>
    }
}
