//! The profile page's calendar feeds: the user's feed URLs, a form to make one (its URL shown
//! once, to paste into a calendar app), and a revoke link that asks to confirm first
//! (`?revoke_feed=ID`, works without JavaScript).

use super::{list::my_feeds, CreateFeed, FeedView, RevokeFeed};
use crate::domain::TimeZone;
use crate::settings::error_text;
use crate::ui::local_datetime;
use crate::ui::table::{Heading, Table, CELL, ROW};
use crate::ui::{Button, Field, Input, Look};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The section, for a user reading times in `zone`.
#[component]
pub fn FeedsSection(zone: TimeZone) -> impl IntoView {
    let create = crate::ui::flash::action::<CreateFeed>();
    let revoke = crate::ui::flash::action::<RevokeFeed>();
    let feeds = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| my_feeds(),
    );
    let query = use_query_map();
    let confirm = move || {
        query
            .read()
            .get("revoke_feed")
            .and_then(|v| v.parse::<i64>().ok())
    };
    let error = move || {
        [
            create.value().get().map(|r| r.map(|_| ())),
            revoke.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(|r| r.err())
        .map(|e| error_text(&e))
    };
    let fresh = move || {
        create.value().get().and_then(|r| r.ok()).map(|f| view! {
            <div class="rounded-md border border-emerald-400 bg-emerald-50 p-4 dark:border-emerald-700 dark:bg-emerald-950" data-testid="fresh-feed">
                <p class="font-medium">{format!("Feed \u{201c}{}\u{201d} made.", f.label)}</p>
                <p class="mt-1 text-sm">"Copy the URL now and subscribe to it from your calendar app: it is shown only this once. Anyone with it can read the plan, so keep it private; revoke it here if it leaks."</p>
                <label for="fresh-feed" class="mt-2 block text-sm font-medium">"The feed URL (select it and copy)"</label>
                <Input class="font-mono text-sm" {..} id="fresh-feed" readonly=true value=f.url />
            </div>
        })
    };
    let list = move || {
        Suspend::new(async move {
            let feeds = match feeds.await {
                Ok(feeds) => feeds,
                Err(e) => return view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
            };
            let confirming = confirm().and_then(|id| feeds.iter().find(|f| f.id == id).cloned());
            view! {
                {confirming.map(|f| confirm_box(f, revoke))}
                {feeds_table(feeds, zone)}
            }
            .into_any()
        })
    };
    view! {
        <section id="feeds" aria-labelledby="feeds-heading" class="mt-8 max-w-2xl space-y-4">
            <h2 id="feeds-heading" class="text-xl font-semibold">"Calendar feeds"</h2>
            <p class="text-sm text-slate-700 dark:text-slate-300">
                "A feed URL shows the plan in your own calendar app (read-only). It opens nothing else in Concord."
            </p>
            <p role="alert" class="text-sm font-medium text-red-700 dark:text-red-400">{error}</p>
            {fresh}
            <Transition fallback=|| view! { <p>"Loading feeds…"</p> }>{list}</Transition>
            <ActionForm action=create attr:class="flex flex-wrap items-end gap-3">
                <Field id="feed-label" label="Label" class="grow">
                    <Input {..} id="feed-label" name="label" maxlength="100" placeholder="phone calendar" />
                </Field>
                <Button>"Make a feed URL"</Button>
            </ActionForm>
        </section>
    }
}

fn feeds_table(feeds: Vec<FeedView>, zone: TimeZone) -> AnyView {
    if feeds.is_empty() {
        return view! {
            <p class="text-sm text-slate-600 dark:text-slate-400" data-testid="no-feeds">"You have no feed URLs yet."</p>
        }
        .into_any();
    }
    let rows = feeds
        .into_iter()
        .map(|f| {
            let last = f
                .last_used_at
                .map_or_else(|| "never".to_owned(), |at| local_datetime(at, zone));
            view! {
                <tr class=ROW data-testid="feed-row">
                    <td class=format!("{CELL} font-medium")>{f.label.clone()}</td>
                    <td class=CELL>{local_datetime(f.created_at, zone)}</td>
                    <td class=CELL>{last}</td>
                    <td class=CELL>
                        <a class="text-red-700 underline dark:text-red-300" href=format!("/settings/profile?revoke_feed={}#feeds", f.id)>
                            "Revoke" <span class="sr-only">{format!(" feed {}", f.label)}</span>
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table caption="Your calendar feeds" headings=&[
            Heading::Shown("Label"),
            Heading::Shown("Made"),
            Heading::Shown("Last fetched"),
            Heading::Hidden("Actions"),
        ]>{rows}</Table>
    }
    .into_any()
}

fn confirm_box(feed: FeedView, revoke: ServerAction<RevokeFeed>) -> impl IntoView {
    view! {
        <div role="group" aria-labelledby="confirm-feed-heading" class="rounded-md border border-red-400 bg-red-50 p-4 dark:border-red-700 dark:bg-red-950">
            <h3 id="confirm-feed-heading" class="font-semibold">{format!("Revoke the feed \u{201c}{}\u{201d}?", feed.label)}</h3>
            <p class="mt-1 text-sm">"Calendars subscribed to it stop getting the plan. This cannot be undone; you can make a new URL."</p>
            <ActionForm action=revoke attr:class="mt-3 flex gap-3">
                <input type="hidden" name="id" value=feed.id />
                <Button look=Look::Danger>"Yes, revoke it"</Button>
                <a href="/settings/profile#feeds" class="self-center underline">"Cancel"</a>
            </ActionForm>
        </div>
    }
}
