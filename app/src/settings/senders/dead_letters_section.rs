//! The dead letters: events that verified but could not be mapped (an unknown number, a touch
//! that does not exist), with the reason, each replayable once its cause is fixed.

use super::overview::{DeadLetterView, DEAD_LETTERS_SHOWN};
use super::ReplayDeadLetter;
use crate::domain::TimeZone;
use crate::ui::local_datetime;
use crate::ui::{Button, Look};
use leptos::prelude::*;

/// The section.
#[component]
pub fn DeadLettersSection(
    letters: Vec<DeadLetterView>,
    zone: TimeZone,
    replay: ServerAction<ReplayDeadLetter>,
) -> impl IntoView {
    let count = letters.len();
    let body = if letters.is_empty() {
        view! {
            <p class="text-sm text-slate-600 dark:text-slate-400" data-testid="no-dead-letters">
                "Nothing waiting: every event received so far found its contact or touch."
            </p>
        }
        .into_any()
    } else {
        let items = letters
            .into_iter()
            .map(|d| view! {
                <li class="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="dead-letter-row">
                    <div class="min-w-0 grow basis-64">
                        <p class="break-words font-medium">{d.event}</p>
                        <p class="text-sm text-slate-700 dark:text-slate-300">{d.reason}</p>
                        <p class="text-xs text-slate-600 dark:text-slate-400">{format!("{} \u{b7} {}", local_datetime(d.received_at, zone), d.source)}</p>
                    </div>
                    <ActionForm action=replay>
                        <input type="hidden" name="id" value=d.id />
                        <Button look=Look::Secondary small=true>"Replay" <span class="sr-only">{format!(" dead letter {}", d.id)}</span></Button>
                    </ActionForm>
                </li>
            })
            .collect_view();
        view! {
            {(count as i64 >= DEAD_LETTERS_SHOWN).then(|| view! {
                <p class="text-sm">{format!("The newest {DEAD_LETTERS_SHOWN} are shown; GET /api/v1/dead-letters lists them for scripts.")}</p>
            })}
            <ul class="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">{items}</ul>
        }
        .into_any()
    };
    view! {
        <section id="dead-letters" aria-labelledby="dead-letters-heading" class="space-y-3">
            <h2 id="dead-letters-heading" class="text-xl font-semibold">{format!("Dead letters ({count})")}</h2>
            <p class="max-w-3xl text-sm text-slate-700 dark:text-slate-300">
                "What a provider sent that Concord could not place. Fix the cause (add the contact, correct its number), then replay it; nothing here is dropped."
            </p>
            {body}
        </section>
    }
}
