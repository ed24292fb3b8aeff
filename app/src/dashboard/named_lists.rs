//! The people behind the ghosted and breadcrumbed chart: the latest of each in the range, by
//! name, each a link to the contact's timeline, with the time in the viewer's zone.

use crate::domain::TimeZone;
use crate::models::named_contact::NamedContact;
use crate::ui::local_datetime;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// One list: its heading, what the time means, and who.
#[component]
fn NamedList(
    id: &'static str,
    title: &'static str,
    /// What happened then, in the past and still to come.
    when: (&'static str, &'static str),
    empty: &'static str,
    contacts: Vec<NamedContact>,
    zone: TimeZone,
    now: DateTime<Utc>,
) -> impl IntoView {
    let heading = format!("{id}-heading");
    let heading_id = heading.clone();
    view! {
        <section aria-labelledby=heading class="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid=id>
            <h3 id=heading_id class="font-semibold">{title}</h3>
            {if contacts.is_empty() {
                view! { <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-2 divide-y divide-slate-200 text-sm dark:divide-slate-800">
                        {contacts.into_iter().map(|c| view! {
                            <li class="flex flex-wrap justify-between gap-x-3 py-1.5">
                                <a class="font-medium underline" href=format!("/contacts/{}", c.id.0)>{c.name}</a>
                                <span class="text-slate-700 dark:text-slate-300">{if c.at <= now { when.0 } else { when.1 }} " " <time datetime=c.at.to_rfc3339()>{local_datetime(c.at, zone)}</time></span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Both lists, side by side on a laptop.
#[component]
pub fn NamedLists(
    ghosted: Vec<NamedContact>,
    breadcrumbed: Vec<NamedContact>,
    zone: TimeZone,
    now: DateTime<Utc>,
) -> impl IntoView {
    view! {
        <div class="mt-6 grid gap-6 lg:grid-cols-2">
            <NamedList id="ghosted-contacts" title="Ghosted: waiting for an answer" when=("wrote", "writes")
                empty="Nobody in this range wrote, called or filled a form without an answer within a day."
                contacts=ghosted zone now />
            <NamedList id="breadcrumbed-contacts" title="Breadcrumbed: touched again after a silence" when=("touched", "to be touched")
                empty="No owned contact in this range is touched again after 14 days or more of silence."
                contacts=breadcrumbed zone now />
        </div>
    }
}
