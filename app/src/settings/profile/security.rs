//! The profile page's password and sessions: change my password (my other sessions end), and
//! sign out of every other session.

use super::{ChangeMyPassword, SignOutEverywhere};
use crate::settings::error_text;
use crate::ui::{Button, Field, Input, Look};
use leptos::prelude::*;

/// The section.
#[component]
pub fn SecuritySection() -> impl IntoView {
    let change = crate::ui::flash::action::<ChangeMyPassword>();
    let everywhere = crate::ui::flash::action::<SignOutEverywhere>();
    let outcome = move || {
        let said = |r: Option<Result<(), crate::error::AppError>>, done: &'static str| {
            r.map(|r| match r {
                Ok(()) => {
                    view! { <span class="text-emerald-800 dark:text-emerald-300">{done}</span> }
                        .into_any()
                }
                Err(e) => {
                    view! { <span class="text-red-700 dark:text-red-400">{error_text(&e)}</span> }
                        .into_any()
                }
            })
        };
        said(
            change.value().get(),
            "Password changed. Your other sessions are signed out.",
        )
        .or_else(|| {
            said(
                everywhere.value().get(),
                "Every other session is signed out.",
            )
        })
    };
    view! {
        <section id="security" aria-labelledby="security-heading" class="mt-8 max-w-md space-y-4">
            <h2 id="security-heading" class="text-xl font-semibold">"Password and sessions"</h2>
            <p role="alert" class="text-sm font-medium" data-testid="security-outcome">{outcome}</p>
            <ActionForm action=change attr:class="space-y-3">
                <Field id="current-password" label="Current password">
                    <Input kind="password" {..} id="current-password" name="current" autocomplete="current-password" required=true />
                </Field>
                <Field id="new-password" label="New password (at least 10 characters)">
                    <Input kind="password" {..} id="new-password" name="new" autocomplete="new-password" required=true minlength="10" />
                </Field>
                <Button>"Change password"</Button>
            </ActionForm>
            <ActionForm action=everywhere attr:class="flex flex-wrap items-center gap-3">
                <p class="text-sm text-slate-700 dark:text-slate-300">"Signed in on a computer you no longer use?"</p>
                <Button look=Look::Secondary small=true>"Sign out everywhere else"</Button>
            </ActionForm>
        </section>
    }
}
