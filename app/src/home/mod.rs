//! The start page after signing in.

use crate::app::UserResource;
use leptos::prelude::*;
use leptos_meta::Title;

/// Greets the signed-in user and says where they stand.
#[component]
pub fn HomePage() -> impl IntoView {
    let user = use_context::<UserResource>();
    view! {
        <Title text="Home" />
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let user = match user {
                    Some(u) => u.await.ok().flatten(),
                    None => None,
                };
                user.map(|u| view! {
                    <h1 class="text-2xl font-semibold">{format!("Welcome, {}", u.name)}</h1>
                    <p class="mt-2 text-slate-700 dark:text-slate-300">
                        "You are signed in as " <strong>{u.role.as_str()}</strong> " in "
                        <strong>{u.team.clone()}</strong> "."
                    </p>
                })
            })}
        </Transition>
    }
}
