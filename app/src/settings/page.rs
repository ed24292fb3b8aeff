//! `/settings`: the admin's page. Loads everything through one server function, which answers
//! 403 for anyone but an admin, and reloads it after each change.

use super::overview::settings_overview;
use super::people::{ChangeUser, CreateTeam, CreateUser, PeopleSection};
use super::rules::{RulesSection, SaveRule};
use super::tokens::{CreateToken, RevokeToken, TokensSection};
use crate::ui::Refusal;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let save = crate::ui::flash::action::<SaveRule>();
    let create_team = crate::ui::flash::action::<CreateTeam>();
    let create_user = crate::ui::flash::action::<CreateUser>();
    let change_user = crate::ui::flash::action::<ChangeUser>();
    let create_token = crate::ui::flash::action::<CreateToken>();
    let revoke_token = ServerAction::<RevokeToken>::new();
    let data = Resource::new(|| (), |_| settings_overview());
    let query = use_query_map();
    let confirm = move || {
        query
            .read()
            .get("revoke")
            .and_then(|v| v.parse::<i64>().ok())
    };

    view! {
        <Title text="Settings" />
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <Refusal error=e /> }.into_any(),
                    Ok(o) => view! {
                        <h1 class="text-2xl font-semibold">"Settings"</h1>
                        <nav aria-label="Settings sections" class="mt-2 flex flex-wrap gap-4 text-sm">
                            <a class="underline" href="#rules">"Contact rules"</a>
                            <a class="underline" href="#people">"Teams and users"</a>
                            <a class="underline" href="#tokens">"API tokens"</a>
                            <a class="underline" href="/settings/senders">"Senders"</a>
                            <a class="underline" href="/settings/packs">"Rule packs"</a>
                            <a class="underline" href="/settings/blackouts">"Blackout dates"</a>
                            <a class="underline" href="/settings/suppression">"Suppression lists"</a>
                            <a class="underline" href="/settings/profile">"My profile"</a>
                        </nav>
                        <div class="mt-6 space-y-10">
                            <RulesSection rules=o.rules save />
                            <PeopleSection teams=o.teams users=o.users.clone() me=o.me create_team create_user change_user />
                            <TokensSection
                                tokens=o.tokens
                                users=o.users
                                fresh=o.fresh_token
                                zone=o.zone
                                confirm=confirm()
                                create=create_token
                                revoke=revoke_token
                            />
                        </div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
