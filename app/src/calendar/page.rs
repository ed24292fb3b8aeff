//! `/calendar`: the page around the views. The URL says which view, date, page and filters;
//! the server renders the whole page, and an island around the view adds dragging and keyboard
//! movement.

use super::agenda::AgendaView;
use super::day::DayView;
use super::filters::Filters;
use super::grid::CalendarGrid;
use super::load::load_calendar;
use super::month::MonthView;
use super::query::CalendarQuery;
use super::range::View;
use super::status::explain;
use super::toolbar::Toolbar;
use super::week::WeekView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The team calendar.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| CalendarQuery::from_params(&params.read()));
    let data = Resource::new(
        move || query.get(),
        |q| load_calendar(q.view, q.date, q.filter, q.page),
    );
    view! {
        <Title text="Calendar" />
        <Transition fallback=|| view! { <p>"Loading the calendar…"</p> }>
            {move || Suspend::new(async move {
                let q = query.get();
                match data.await {
                    Ok(data) => {
                        let date = q.date.unwrap_or(data.today);
                        let zone = data.zone.name();
                        view! {
                            <Toolbar query=q.clone() date today=data.today />
                            <Filters query=q.clone() date choices=data.choices.clone() />
                            <p class="mb-2 text-xs text-slate-600 dark:text-slate-400">
                                {format!("Days and times in {zone}. ")}
                                <span class="hidden sm:inline">"Drag a touch to another day to move it; it keeps its time, unless you drop it on an hour."</span>
                            </p>
                            <CalendarGrid>
                                {match q.view {
                                    View::Month => view! { <MonthView data query=q.clone() date /> }.into_any(),
                                    View::Week => view! { <WeekView data query=q.clone() /> }.into_any(),
                                    View::Day => view! { <DayView data query=q.clone() /> }.into_any(),
                                    View::Agenda => view! { <AgendaView data query=q.clone() /> }.into_any(),
                                }}
                            </CalendarGrid>
                        }
                        .into_any()
                    }
                    Err(error) => view! {
                        <h1 class="text-2xl font-semibold">"Calendar"</h1>
                        <p role="alert" class="mt-2 text-red-700 dark:text-red-400">{explain(&error)}</p>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}
