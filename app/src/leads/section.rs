//! One section of the leads board: a heading, its rows, an empty state and links to its other
//! pages.

use super::row::LeadRowView;
use super::row_actions::RowActions;
use crate::models::leads::{BoardPages, Capped, Viewer};
use leptos::prelude::*;

/// A titled list of board rows. `id` anchors the section; `empty` is said when it has none;
/// `pages` and `include_owned` make the links to its other pages keep the rest of the board.
#[component]
pub fn Section(
    id: &'static str,
    title: &'static str,
    description: &'static str,
    empty: &'static str,
    list: Capped,
    viewer: Viewer,
    actions: RowActions,
    pages: BoardPages,
    include_owned: bool,
) -> impl IntoView {
    let heading = format!("{id}-heading");
    let heading_id = heading.clone();
    let count = list.total;
    let above = list.above;
    // The rows this page read, before those listed in a section above were left out.
    let read = list.rows.len() as u64 + above;
    let page = pages.get(id);
    let earlier = (page > 0).then(|| pages.with(id, page - 1).href(include_owned, id));
    let later =
        (list.offset + read < count).then(|| pages.with(id, page + 1).href(include_owned, id));
    let span = (read > 0 && (page > 0 || later.is_some())).then(|| {
        format!(
            "Rows {} to {} of {count}.",
            list.offset + 1,
            list.offset + read
        )
    });
    let has_later = later.is_some();
    let rows = list.rows;
    let rows_empty = rows.is_empty();
    view! {
        <section id=id aria-labelledby=heading.clone() class="mt-8">
            <h2 id=heading_id class="text-lg font-semibold">
                {title} " " <span class="text-sm font-normal text-slate-600 dark:text-slate-400">{format!("({count})")}</span>
            </h2>
            <p class="text-sm text-slate-600 dark:text-slate-400">{description}</p>
            {if rows.is_empty() {
                let empty = if above > 0 {
                    "Each of them is listed in a section above."
                } else if page > 0 {
                    "No rows on this page: the list is shorter now."
                } else {
                    empty
                };
                view! { <p class="mt-3 rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
                        {rows.into_iter().map(|row| view! { <LeadRowView row viewer=viewer.clone() actions /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(above > 0 && (has_later || !rows_empty)).then(|| view! {
                <p class="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="listed-above">
                    {if above == 1 { "1 more is listed in a section above.".to_owned() } else { format!("{above} more are listed in sections above.") }}
                </p>
            })}
            {(earlier.is_some() || later.is_some()).then(|| view! {
                <nav aria-label=format!("Pages of {title}") class="mt-2 flex flex-wrap items-center gap-4 text-sm">
                    {span}
                    {earlier.map(|href| view! { <a class="underline" href=href>"← Earlier"</a> })}
                    {later.map(|href| view! { <a class="underline" href=href>"Next page →"</a> })}
                </nav>
            })}
        </section>
    }
}
