//! The figure around every chart: a heading, the titled drawing and its numbers as a table.

use leptos::prelude::*;

/// Wraps a drawing (`svg` children) with its title, summary and data table. `id` must be unique
/// on the page; `summary` says in words what the chart shows.
#[component]
pub fn Frame(
    id: String,
    title: String,
    summary: String,
    /// Column headings of the data table.
    headings: Vec<String>,
    /// Rows of the data table.
    rows: Vec<Vec<String>>,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    let table_rows = rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let first = cells.next().unwrap_or_default();
            view! {
                <tr>
                    <th scope="row" class="pr-4 text-left font-normal">{first}</th>
                    {cells.map(|c| view! { <td class="pr-4 text-right tabular-nums">{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let labelled = heading_id.clone();
    view! {
        <figure aria-labelledby=labelled class="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-chart=id>
            <h2 id=heading_id class="text-lg font-semibold">{title}</h2>
            <figcaption class="mt-1 text-sm text-slate-700 dark:text-slate-300">{summary}</figcaption>
            <div class="mt-3">{children()}</div>
            <details class="mt-2 text-sm">
                <summary class="cursor-pointer">"The numbers"</summary>
                <table class="mt-2">
                    <thead><tr>{headings.into_iter().map(|h| view! { <th scope="col" class="pr-4 text-left">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </details>
        </figure>
    }
    .into_any()
}
