//! The header: Concord's navigation, who is signed in, and sign-out.

use crate::{app::UserResource, auth::CurrentUser, domain::Action};
use leptos::prelude::*;
use leptos_router::components::A;

/// The top bar. Navigation and the user menu appear once someone is signed in.
#[component]
pub fn Header() -> impl IntoView {
    let user = expect_user_resource();
    view! {
        <header class="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <div class="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
                <a href="/" class="text-lg font-bold tracking-tight text-indigo-700 dark:text-indigo-300">
                    "Concord"
                </a>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        user.await.ok().flatten().map(|u| view! { <SignedIn user=u /> })
                    })}
                </Transition>
            </div>
        </header>
    }
}

/// Navigation and the user menu for a signed-in user.
#[component]
fn SignedIn(user: CurrentUser) -> impl IntoView {
    view! {
        <nav aria-label="Main" class="flex flex-wrap gap-4 text-sm">
            {NAV
                .iter()
                .filter(|(_, _, action)| user.role.may(*action))
                .map(|(href, label, _)| view! {
                    <A href=*href exact=true attr:class="aria-[current=page]:font-semibold hover:underline">{*label}</A>
                })
                .collect_view()}
        </nav>
        <div class="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <span>
                <a href="/settings/profile" class="font-medium hover:underline" data-testid="user-name" title="My profile and time zone">
                    {user.name}
                </a>
                <span class="ml-2 rounded bg-indigo-100 px-2 py-0.5 text-xs text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200">
                    {user.role.as_str()}
                </span>
                <span class="ml-2 text-slate-600 dark:text-slate-400">{user.team}</span>
            </span>
            <form method="post" action="/auth/sign-out">
                <button type="submit" class="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                    "Sign out"
                </button>
            </form>
        </div>
    }
}

/// The screens in the main navigation, each shown to the roles that may take its action (the
/// server refuses the others anyway).
const NAV: [(&str, &str, Action); 9] = [
    ("/", "Home", Action::Plan),
    ("/calendar", "Calendar", Action::Plan),
    ("/contacts", "Contacts", Action::Plan),
    ("/leads", "Leads", Action::Plan),
    ("/plan", "Planner", Action::PlanCampaign),
    ("/campaigns", "Campaigns", Action::PlanCampaign),
    ("/review", "Review", Action::Oversee),
    ("/dashboard", "Dashboard", Action::Oversee),
    ("/settings", "Settings", Action::EditRules),
];

/// The user resource the root component provides.
fn expect_user_resource() -> UserResource {
    use_context::<UserResource>().unwrap_or_else(|| Resource::new(|| (), |_| async { Ok(None) }))
}
