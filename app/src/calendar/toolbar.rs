//! The calendar's heading and navigation: the view switcher and previous / today / next,
//! all plain links that keep the filters.

use super::query::CalendarQuery;
use super::range::View;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The heading for `date` in the query's view, and the links around it.
#[component]
pub fn Toolbar(query: CalendarQuery, date: NaiveDate, today: NaiveDate) -> impl IntoView {
    let view = query.view;
    let link = |v: View, d: NaiveDate| query.at(v, d).href();
    view! {
        <div class="mb-4 flex flex-wrap items-center gap-3">
            <h1 class="mr-auto text-2xl font-semibold">{view.title(date)}</h1>
            <nav aria-label="Dates" class="flex gap-1 text-sm">
                <a class=BUTTON href=link(view, view.step(date, false))>
                    <span aria-hidden="true">"← "</span>"Previous"<span class="sr-only">{format!(" {}", view.label().to_lowercase())}</span>
                </a>
                <a class=BUTTON href=link(view, today)>"Today"</a>
                <a class=BUTTON href=link(view, view.step(date, true))>
                    "Next"<span class="sr-only">{format!(" {}", view.label().to_lowercase())}</span><span aria-hidden="true">" →"</span>
                </a>
            </nav>
            <nav aria-label="Views" class="flex gap-1 text-sm">
                {View::ALL.into_iter().map(|v| view! {
                    <a
                        class=if v == view { CURRENT } else { BUTTON }
                        aria-current=(v == view).then_some("page")
                        href=link(v, date)
                    >
                        {v.label()}
                    </a>
                }).collect_view()}
            </nav>
        </div>
    }
}

const BUTTON: &str = "rounded-md border border-slate-500 bg-white px-3 py-1 hover:bg-slate-100 dark:border-slate-400 dark:bg-slate-900 dark:hover:bg-slate-800";
const CURRENT: &str =
    "rounded-md border border-indigo-700 bg-indigo-700 px-3 py-1 font-semibold text-white";
