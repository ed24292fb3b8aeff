//! The house's table: a caption for screen readers, column headings and the caller's rows, in
//! a card that scrolls on a narrow screen. The card is focusable and named "Table: <caption>",
//! so that a keyboard can scroll it and a screen reader says what it holds (axe's
//! `scrollable-region-focusable`). Rows use [`ROW`] and their cells [`CELL`].

use leptos::prelude::*;

/// A column heading: shown, or read by screen readers only (a column of buttons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// Shown above the column.
    Shown(&'static str),
    /// Read by screen readers, not shown.
    Hidden(&'static str),
    /// Shown on a screen at least Tailwind's `sm` wide; its cells use [`WIDE_CELL`] (a column
    /// whose content the row repeats elsewhere on a phone).
    Wide(&'static str),
}

/// A body row.
pub const ROW: &str = "border-t border-slate-200 align-top dark:border-slate-800";

/// A cell of a body row.
pub const CELL: &str = "px-3 py-2";

/// A cell of a [`Heading::Wide`] column.
pub const WIDE_CELL: &str = "hidden px-3 py-2 sm:table-cell";

/// A table of `headings` over `children` (its body rows), captioned `caption`; `class` adds to
/// the card's (a margin, a height limit).
#[component]
pub fn Table(
    #[prop(into)] caption: String,
    headings: &'static [Heading],
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let headings = headings
        .iter()
        .map(|heading| match *heading {
            Heading::Shown(text) => view! { <th scope="col" class=CELL>{text}</th> }.into_any(),
            Heading::Wide(text) => view! { <th scope="col" class=WIDE_CELL>{text}</th> }.into_any(),
            Heading::Hidden(text) => {
                view! { <th scope="col" class=CELL><span class="sr-only">{text}</span></th> }
                    .into_any()
            }
        })
        .collect_view();
    // "Table: …", so that it never shares its name with the section around it (axe's
    // `landmark-unique`: a section "API tokens" holding the table "API tokens").
    let label = format!("Table: {caption}");
    view! {
        <div class=format!("relative overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 {class}")
            tabindex="0" role="region" aria-label=label>
            <table class="min-w-full text-left text-sm">
                <caption class="sr-only">{caption}</caption>
                <thead class="sticky top-0 bg-slate-100 dark:bg-slate-800">
                    <tr>{headings}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
