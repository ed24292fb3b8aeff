//! The start page's "Your contacts" for those who claim them: theirs with an unanswered reply
//! or a cadence gap, and their claims about to lapse, each linking to the contact; the leads
//! board has the rest.

use crate::domain::TimeZone;
use crate::models::leads::LeadRow;
use crate::models::workspace::Attention;
use crate::ui::local_datetime;
use crate::ui::when::relative;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Both lists, or one line saying nothing needs the viewer.
#[component]
pub fn AttentionLists(attention: Attention, zone: TimeZone) -> impl IntoView {
    let now = attention.now;
    let within = days(attention.lapsing_within_days);
    if attention.alerting.is_empty() && attention.lapsing.is_empty() {
        let none = format!(
            "None of your contacts waits for an answer, and none of your claims lapses in the next {within}."
        );
        return view! { <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">{none}</p> }
            .into_any();
    }
    let alerting = attention.alerting.into_iter().map(|row| {
        let why = row
            .alerts
            .first()
            .map(|a| a.message.clone())
            .unwrap_or_default();
        view! { <ContactLine row note=why /> }
    });
    let lapsing = attention.lapsing.into_iter().map(move |row| {
        let note = row
            .owner
            .as_ref()
            .map(|o| lapses(o.expires_at, now, zone))
            .unwrap_or_default();
        view! { <ContactLine row note /> }
    });
    view! {
        <h3 class="mt-3 text-sm font-semibold">{count("waiting on you", attention.alerting_total)}</h3>
        <ul class="divide-y divide-slate-200 dark:divide-slate-800" data-testid="attention-alerting">
            {alerting.collect_view()}
        </ul>
        <h3 class="mt-3 text-sm font-semibold">{count(&format!("with a claim lapsing within {within}"), attention.lapsing_total)}</h3>
        <ul class="divide-y divide-slate-200 dark:divide-slate-800" data-testid="attention-lapsing">
            {lapsing.collect_view()}
        </ul>
        <p class="mt-2 text-sm"><a class="underline" href="/leads">"All on the leads board"</a></p>
    }
    .into_any()
}

/// "three days", "one day", "12 days".
fn days(n: i64) -> String {
    const WORDS: [&str; 8] = ["no", "one", "two", "three", "four", "five", "six", "seven"];
    match usize::try_from(n).ok().and_then(|i| WORDS.get(i)) {
        Some(&"one") => "one day".to_owned(),
        Some(word) => format!("{word} days"),
        None => format!("{n} days"),
    }
}

/// "3 contacts waiting on you", "1 contact …", "No contact …".
fn count(what: &str, n: u64) -> String {
    match n {
        0 => format!("No contact {what}"),
        1 => format!("1 contact {what}"),
        n => format!("{n} contacts {what}"),
    }
}

/// "Lapses Tue 8 Dec 14:00 (in 2 d)", in the viewer's zone.
fn lapses(at: DateTime<Utc>, now: DateTime<Utc>, zone: TimeZone) -> String {
    format!(
        "Lapses {} ({})",
        local_datetime(at, zone),
        relative(at, now)
    )
}

/// One contact: its name, linking to its timeline, and why it is listed.
#[component]
fn ContactLine(row: LeadRow, note: String) -> impl IntoView {
    view! {
        <li class="py-2 text-sm" data-testid="attention-contact">
            <a class="font-medium underline" href=format!("/contacts/{}", row.contact_id.0)>{row.name}</a>
            <span class="ml-2 text-slate-700 dark:text-slate-300">{note}</span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_read_as_sentences() {
        assert_eq!(
            super::count("waiting on you", 0),
            "No contact waiting on you"
        );
        assert_eq!(
            super::count("waiting on you", 1),
            "1 contact waiting on you"
        );
        assert_eq!(
            super::count("waiting on you", 4),
            "4 contacts waiting on you"
        );
    }

    #[test]
    fn days_are_spelt_out_up_to_a_week() {
        assert_eq!(super::days(1), "one day");
        assert_eq!(super::days(3), "three days");
        assert_eq!(super::days(12), "12 days");
    }
}
