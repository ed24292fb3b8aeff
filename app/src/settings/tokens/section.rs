//! The API tokens section: the tokens issued, a form to issue one (shown once, with a copy
//! hint), and a revoke link that asks to confirm first (`?revoke=ID`, works without JavaScript).

use super::{CreateToken, RevokeToken};
use crate::domain::TimeZone;
use crate::settings::error_text;
use crate::settings::overview::{FreshToken, TokenView, UserView};
use crate::ui::local_datetime;
use crate::ui::table::{Heading, Table, CELL, ROW};
use crate::ui::{Button, Field, Input, Look, Select};
use leptos::prelude::*;

/// The section; `confirm` is the id of the token the admin asked to revoke.
#[component]
pub fn TokensSection(
    tokens: Vec<TokenView>,
    users: Vec<UserView>,
    fresh: Option<FreshToken>,
    zone: TimeZone,
    confirm: Option<i64>,
    create: ServerAction<CreateToken>,
    revoke: ServerAction<RevokeToken>,
) -> impl IntoView {
    let confirming = confirm.and_then(|id| {
        tokens
            .iter()
            .find(|t| t.id == id && t.revoked_at.is_none())
            .cloned()
    });
    let rows = tokens
        .into_iter()
        .map(|t| {
            let state = match (t.revoked_at, t.expires_at) {
                (Some(at), _) => format!("Revoked {}", local_datetime(at, zone)),
                (None, Some(at)) if at <= chrono::Utc::now() => {
                    format!("Expired {}", local_datetime(at, zone))
                }
                (None, Some(at)) => format!("Live until {}", local_datetime(at, zone)),
                (None, None) => "Live".to_owned(),
            };
            let last = t.last_used_at.map_or_else(|| "—".to_owned(), |at| local_datetime(at, zone));
            let live = t.revoked_at.is_none();
            view! {
                <tr class=ROW>
                    <td class=format!("{CELL} font-medium")>{t.label.clone()}</td>
                    <td class=CELL>{t.user}</td>
                    <td class=CELL>{local_datetime(t.created_at, zone)}</td>
                    <td class=CELL>{last}</td>
                    <td class=CELL>{state}</td>
                    <td class=CELL>
                        {live.then(|| view! {
                            <a class="text-red-700 underline dark:text-red-300" href=format!("/settings?revoke={}#tokens", t.id)>
                                "Revoke" <span class="sr-only">{format!(" token {}", t.label)}</span>
                            </a>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let error = move || {
        [
            create.value().get(),
            revoke.value().get().map(|r| r.map(|_| 0)),
        ]
        .into_iter()
        .flatten()
        .find_map(|r| r.err())
        .map(|e| error_text(&e))
    };
    view! {
        <section id="tokens" aria-labelledby="tokens-heading" class="space-y-4">
            <h2 id="tokens-heading" class="text-xl font-semibold">"API tokens"</h2>
            <p class="text-sm text-slate-700 dark:text-slate-300">
                "A token lets an external system (an email service, a dialer) act as a user through the REST API."
            </p>
            <p role="alert" class="text-sm font-medium text-red-700 dark:text-red-400">{error}</p>
            {fresh.map(|f| view! {
                <div class="rounded-md border border-emerald-400 bg-emerald-50 p-4 dark:border-emerald-700 dark:bg-emerald-950" data-testid="fresh-token">
                    <p class="font-medium">{format!("Token \u{201c}{}\u{201d} issued (id {}).", f.label, f.id)}</p>
                    <p class="mt-1 text-sm">"Copy it now: it is shown only this once. Concord keeps only a digest of it."</p>
                    <label for="fresh-token" class="mt-2 block text-sm font-medium">"The token (select it and copy)"</label>
                    <Input class="font-mono" {..} id="fresh-token" readonly=true value=f.secret />
                </div>
            })}
            {confirming.map(|t| view! {
                <div role="group" aria-labelledby="confirm-heading" class="rounded-md border border-red-400 bg-red-50 p-4 dark:border-red-700 dark:bg-red-950">
                    <h3 id="confirm-heading" class="font-semibold">{format!("Revoke the token \u{201c}{}\u{201d}?", t.label)}</h3>
                    <p class="mt-1 text-sm">{format!("Systems using it as {} are refused from the next request on. This cannot be undone.", t.user)}</p>
                    <ActionForm action=revoke attr:class="mt-3 flex gap-3">
                        <input type="hidden" name="id" value=t.id />
                        <Button look=Look::Danger>"Yes, revoke it"</Button>
                        <a href="/settings#tokens" class="self-center underline">"Cancel"</a>
                    </ActionForm>
                </div>
            })}
            <Table caption="API tokens" headings=&[
                Heading::Shown("Label"),
                Heading::Shown("Acts as"),
                Heading::Shown("Created"),
                Heading::Shown("Last used"),
                Heading::Shown("State"),
                Heading::Hidden("Actions"),
            ]>{rows}</Table>
            <ActionForm action=create attr:class="grid gap-3 sm:grid-cols-4 sm:items-end">
                <Field id="token-label" label="Label">
                    <Input {..} id="token-label" name="label" required=true maxlength="100" placeholder="email service" />
                </Field>
                <Field id="token-user" label="Acts as">
                    <Select {..} id="token-user" name="user_id">
                        {users.into_iter().map(|u| view! { <option value=u.id.0>{format!("{} ({})", u.name, u.role)}</option> }).collect_view()}
                    </Select>
                </Field>
                <Field id="token-expires" label="Expires after (days, optional)">
                    <Input kind="number" {..} id="token-expires" name="expires_in_days" min="1" max="3660" inputmode="numeric" placeholder="never" />
                </Field>
                <Button>"Issue a token"</Button>
            </ActionForm>
        </section>
    }
    .into_any()
}
