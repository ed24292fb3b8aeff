//! The profile page's password and sessions: change my password (my other sessions end), and
//! sign out of every other session.

use super::{ChangeMyPassword, SignOutEverywhere};
use crate::settings::error_text;
use crate::ui::style::{INPUT, LABEL, PRIMARY, SECONDARY_SMALL};
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
                <div>
                    <label for="current-password" class=LABEL>"Current password"</label>
                    <input id="current-password" name="current" type="password" autocomplete="current-password" required class=INPUT />
                </div>
                <div>
                    <label for="new-password" class=LABEL>"New password (at least 10 characters)"</label>
                    <input id="new-password" name="new" type="password" autocomplete="new-password" required minlength="10" class=INPUT />
                </div>
                <button type="submit" class=PRIMARY>"Change password"</button>
            </ActionForm>
            <ActionForm action=everywhere attr:class="flex flex-wrap items-center gap-3">
                <p class="text-sm text-slate-700 dark:text-slate-300">"Signed in on a computer you no longer use?"</p>
                <button type="submit" class=SECONDARY_SMALL>"Sign out everywhere else"</button>
            </ActionForm>
        </section>
    }
}
