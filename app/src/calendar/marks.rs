//! A day's public holidays and blackout dates, as small labels above its touches.

use crate::models::day_marks::{DayMark, MarkKind};
use leptos::prelude::*;

/// The marks of one day; nothing when it has none.
#[component]
pub fn DayMarks(marks: Vec<DayMark>) -> impl IntoView {
    (!marks.is_empty()).then(|| {
        view! {
            <ul class="mt-1 space-y-0.5" aria-label="Holidays and blackout dates">
                {marks.into_iter().map(|mark| {
                    let class = match mark.kind {
                        MarkKind::Holiday => HOLIDAY,
                        MarkKind::Blackout => BLACKOUT,
                    };
                    let kind = match mark.kind {
                        MarkKind::Holiday => "holiday",
                        MarkKind::Blackout => "blackout",
                    };
                    let title = mark.text.clone();
                    view! { <li class=class data-mark=kind title=title>{mark.text}</li> }
                }).collect_view()}
            </ul>
        }
    })
}

const HOLIDAY: &str =
    "truncate rounded bg-sky-100 px-1 text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-100";
const BLACKOUT: &str = "truncate rounded bg-red-100 px-1 text-xs font-medium text-red-900 dark:bg-red-950 dark:text-red-100";
