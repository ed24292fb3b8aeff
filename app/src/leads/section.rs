//! One section of the leads board: a heading, its rows, an empty state and "N more".

use super::row::LeadRowView;
use super::row_actions::RowActions;
use crate::models::leads::{Capped, Viewer};
use leptos::prelude::*;

/// A titled list of board rows. `id` anchors the section; `empty` is said when it has none.
#[component]
pub fn Section(
    id: &'static str,
    title: &'static str,
    description: &'static str,
    empty: &'static str,
    list: Capped,
    viewer: Viewer,
    actions: RowActions,
) -> impl IntoView {
    let heading = format!("{id}-heading");
    let heading_id = heading.clone();
    let count = list.total;
    let above = list.above;
    let more = count.saturating_sub(list.rows.len() as u64 + above);
    let rows = list.rows;
    let rows_empty = rows.is_empty();
    view! {
        <section id=id aria-labelledby=heading.clone() class="mt-8">
            <h2 id=heading_id class="text-lg font-semibold">
                {title} " " <span class="text-sm font-normal text-slate-600 dark:text-slate-400">{format!("({count})")}</span>
            </h2>
            <p class="text-sm text-slate-600 dark:text-slate-400">{description}</p>
            {if rows.is_empty() {
                let empty = if above > 0 { "Each of them is listed in a section above." } else { empty };
                view! { <p class="mt-3 rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
                        {rows.into_iter().map(|row| view! { <LeadRowView row viewer=viewer.clone() actions /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(above > 0 && (more > 0 || !rows_empty)).then(|| view! {
                <p class="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="listed-above">
                    {if above == 1 { "1 more is listed in a section above.".to_owned() } else { format!("{above} more are listed in sections above.") }}
                </p>
            })}
            {(more > 0).then(|| view! {
                <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">
                    {format!("{more} more not shown: the first {} are listed.", count - more - above)}
                </p>
            })}
        </section>
    }
}
