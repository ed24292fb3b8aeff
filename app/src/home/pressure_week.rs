//! The start page's "This week" for those who oversee: the week's pressure highlights, each
//! named contact linking to its page, and the dashboard over the same week.

use crate::models::named_contact::NamedContact;
use crate::models::week_pressure::WeekPressure;
use leptos::prelude::*;

/// The highlights.
#[component]
pub fn PressureWeek(week: WeekPressure) -> impl IntoView {
    view! {
        <p class="mt-2 text-sm" data-testid="week-cap">{week.cap_text()}</p>
        <p class="mt-1 text-sm" data-testid="week-rules">{week.rules_text()}</p>
        <Named what="ghosted (an inbound not answered within 24 hours)" total=week.ghosted_total contacts=week.ghosted.clone() />
        <Named what="breadcrumbed (touched again after two weeks or more of silence)" total=week.breadcrumbed_total contacts=week.breadcrumbed.clone() />
        <p class="mt-2 text-sm">
            <a class="underline" href=week.dashboard_href()>"This week on the pressure dashboard"</a>
        </p>
    }
}

/// "3 contacts ghosted (…): Ann Lee, Bo Park and 1 more" with each name linking to the contact.
#[component]
fn Named(what: &'static str, total: u64, contacts: Vec<NamedContact>) -> impl IntoView {
    let head = match total {
        0 => format!("No contact {what}."),
        1 => format!("1 contact {what}: "),
        n => format!("{n} contacts {what}: "),
    };
    let more = total.saturating_sub(contacts.len() as u64);
    let count = contacts.len();
    let names = contacts.into_iter().enumerate().map(move |(i, c)| {
        let sep = if i == 0 {
            ""
        } else if i + 1 == count && more == 0 {
            " and "
        } else {
            ", "
        };
        view! { {sep} <a class="underline" href=format!("/contacts/{}", c.id.0)>{c.name}</a> }
    });
    view! {
        <p class="mt-1 text-sm" data-testid="week-named">
            {head}
            {names.collect_view()}
            {(more > 0).then(|| format!(" and {more} more"))}
        </p>
    }
}
