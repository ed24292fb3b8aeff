//! The decisions on the viewer's touches: approved or rejected, by whom, why and when.

use super::touch_list::TouchLine;
use crate::domain::TimeZone;
use crate::models::workspace::Decided;
use crate::ui::local_datetime;
use leptos::prelude::*;

/// The decisions, or a line saying there were none.
#[component]
pub fn DecidedList(decided: Vec<Decided>, zone: TimeZone) -> impl IntoView {
    if decided.is_empty() {
        return view! {
            <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">"No decisions on your touches in the last two weeks."</p>
        }
        .into_any();
    }
    view! {
        <ul class="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
            {decided.into_iter().map(|d| {
                let (word, tone) = if d.approved {
                    ("Approved", "text-emerald-800 dark:text-emerald-300")
                } else {
                    ("Rejected", "text-red-800 dark:text-red-300")
                };
                view! {
                    <TouchLine touch=d.touch zone>
                        <p class="mt-1" data-testid="decision">
                            <strong class=tone>{word}</strong>
                            {format!(" by {} on {}: “{}”", d.reviewer, local_datetime(d.decided_at, zone), d.reason)}
                        </p>
                    </TouchLine>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
