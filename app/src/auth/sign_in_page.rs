//! The sign-in page. Without JavaScript the form posts to `/auth/sign-in`; with it, the form is
//! an island that signs in through a server function and shows a failure in place, without
//! reloading.

use super::{
    next::safe_next,
    sign_in::{failure_message, failure_message_for_code, SignIn},
};
use crate::ui::style::INPUT;
use crate::ui::{Button, Field, Input};
use leptos::{ev::SubmitEvent, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The sign-in page, with the failure of the last plain form post if there was one.
#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let q = query.read_untracked();
    let next = safe_next(&q.get("next").unwrap_or_default());
    let wait = q.get("wait").and_then(|w| w.parse().ok());
    let failed = q
        .get("error")
        .map(|code| failure_message_for_code(&code, wait));
    view! {
        <Title text="Sign in" />
        <SignInForm next failed />
    }
}

/// The form (an island): `next` is where to go once signed in, `failed` what the last plain
/// post said.
#[island]
fn SignInForm(next: String, failed: Option<String>) -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    // Uncontrolled inputs, read when the form is sent: what someone typed before the page
    // hydrated stays in the fields and is what gets sent.
    let email = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    let show_password = RwSignal::new(false);

    Effect::new(move |_| {
        if let Some(Ok(destination)) = action.value().get() {
            let _ = window().location().set_href(&destination);
        }
    });
    let error = move || match action.value().get() {
        Some(Err(e)) => Some(failure_message(&e)),
        Some(Ok(_)) => None,
        None => failed.clone(),
    };
    let going = next.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = |input: NodeRef<leptos::html::Input>| {
            input.get_untracked().map(|i| i.value()).unwrap_or_default()
        };
        action.dispatch(SignIn {
            email: typed(email),
            password: typed(password),
            next: going.clone(),
        });
    };

    view! {
        <section class="mx-auto mt-8 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <h1 class="text-2xl font-semibold">"Sign in to Concord"</h1>
            <p class="mt-1 text-sm text-slate-600 dark:text-slate-400">
                "One outreach calendar for the whole company."
            </p>
            <form method="post" action="/auth/sign-in" class="mt-6 space-y-4" on:submit=on_submit>
                <input type="hidden" name="next" value=next />
                <Field id="email" label="Email">
                    <Input kind="email" {..} id="email" name="email" autocomplete="username" required=true
                        node_ref=email />
                </Field>
                <Field id="password" label="Password">
                    <div class="mt-1 flex gap-2">
                        <input
                            id="password"
                            name="password"
                            type=move || if show_password.get() { "text" } else { "password" }
                            autocomplete="current-password"
                            required
                            class=INPUT
                            node_ref=password
                        />
                        <button
                            type="button"
                            class="shrink-0 rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700"
                            aria-controls="password"
                            aria-pressed=move || show_password.get().to_string()
                            on:click=move |_| show_password.update(|s| *s = !*s)
                        >
                            {move || if show_password.get() { "Hide" } else { "Show" }}
                        </button>
                    </div>
                </Field>
                <p role="alert" class="min-h-5 text-sm font-medium text-red-700 dark:text-red-400">
                    {error}
                </p>
                <Button class="w-full" {..} disabled=move || action.pending().get()>
                    {move || if action.pending().get() { "Signing in…" } else { "Sign in" }}
                </Button>
            </form>
        </section>
    }
}
