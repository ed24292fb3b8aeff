//! The report of one upload: what was imported, or why nothing was, and the rejected rows by
//! line.

use crate::models::import_summary::ImportSummary;
use crate::ui::table::{Heading, Table, CELL, ROW};
use leptos::prelude::*;

const REJECTED_HEADINGS: &[Heading] = &[Heading::Shown("Line"), Heading::Shown("Error")];

fn count(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What the file did to the stored contacts: "Imported 3 contacts", or with updates "Created
/// 1 contact, updated 2 and left 1 unchanged".
fn outcome(s: &ImportSummary) -> String {
    if s.updated == 0 && s.unchanged == 0 {
        return format!("Imported {}", count(s.imported, "contact", "contacts"));
    }
    let mut parts = Vec::new();
    if s.imported > 0 {
        parts.push(format!(
            "created {}",
            count(s.imported, "contact", "contacts")
        ));
    }
    if s.updated > 0 {
        parts.push(format!("updated {}", s.updated));
    }
    if s.unchanged > 0 {
        parts.push(format!("left {} unchanged", s.unchanged));
    }
    let last = parts.pop().unwrap_or_default();
    let text = if parts.is_empty() {
        last
    } else {
        format!("{} and {last}", parts.join(", "))
    };
    let mut chars = text.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// The headline of a report.
fn headline(s: &ImportSummary) -> String {
    let rows = |n: u64| count(n, "row", "rows");
    if let Some(failure) = &s.failure {
        format!("Nothing was imported: the file could not be read ({failure}).")
    } else if s.refused() {
        format!(
            "Nothing was imported: {} of {} are bad. Fix them and upload the file again, or tick \"Import the good rows\".",
            s.rejected_count,
            rows(s.rows_read)
        )
    } else if s.rejected_count > 0 && s.updated == 0 && s.unchanged == 0 {
        format!(
            "Imported {} of {}; {} skipped (listed below).",
            s.imported,
            rows(s.rows_read),
            rows(s.rejected_count)
        )
    } else if s.rejected_count > 0 {
        format!(
            "{} of {}; {} skipped (listed below).",
            outcome(s),
            rows(s.rows_read),
            rows(s.rejected_count)
        )
    } else {
        format!("{}.", outcome(s))
    }
}

/// The report of `summary`.
#[component]
pub fn ImportReport(summary: ImportSummary) -> impl IntoView {
    let bad = summary.refused();
    let box_class = if bad {
        "mt-4 rounded-lg border border-red-300 bg-red-50 p-4 dark:border-red-800 dark:bg-red-950"
    } else {
        "mt-4 rounded-lg border border-green-300 bg-green-50 p-4 dark:border-green-800 dark:bg-green-950"
    };
    let listed = summary.rejected.len() as u64;
    view! {
        <section class=box_class aria-labelledby="report-heading" data-testid="import-report">
            <h2 id="report-heading" class="text-lg font-semibold">
                {format!("Report for {}", summary.file_name)}
            </h2>
            <p class="mt-1 font-medium" role=if bad { "alert" } else { "status" } data-testid="import-headline">
                {headline(&summary)}
            </p>
            {(!summary.ignored_columns.is_empty()).then(|| view! {
                <p class="mt-1 text-sm">"Columns not read: " {summary.ignored_columns.join(", ")}</p>
            })}
            {(!summary.rejected.is_empty()).then(|| view! {
                <Table caption="Rejected rows by line" headings=REJECTED_HEADINGS class="mt-3 max-h-96">
                    {summary.rejected.into_iter().map(|row| view! {
                        <tr class=ROW data-testid="rejected-row">
                            <td class=format!("{CELL} tabular-nums")>{row.line}</td>
                            <td class=CELL>{row.error}</td>
                        </tr>
                    }).collect_view()}
                </Table>
                {(summary.rejected_count > listed).then(|| view! {
                    <p class="mt-1 text-sm">{format!("Only the first {listed} of {} rejected rows are listed.", summary.rejected_count)}</p>
                })}
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(imported: u64, updated: u64, unchanged: u64, rejected: u64) -> ImportSummary {
        ImportSummary {
            rows_read: imported + updated + unchanged + rejected,
            imported,
            updated,
            unchanged,
            rejected_count: rejected,
            partial: true,
            ..ImportSummary::default()
        }
    }

    #[test]
    fn a_headline_says_what_was_created_updated_and_left_alone() {
        assert_eq!(headline(&summary(1, 0, 0, 0)), "Imported 1 contact.");
        assert_eq!(headline(&summary(3, 0, 0, 0)), "Imported 3 contacts.");
        assert_eq!(
            headline(&summary(1, 2, 1, 0)),
            "Created 1 contact, updated 2 and left 1 unchanged."
        );
        assert_eq!(headline(&summary(0, 0, 4, 0)), "Left 4 unchanged.");
        assert_eq!(
            headline(&summary(0, 2, 0, 1)),
            "Updated 2 of 3 rows; 1 row skipped (listed below)."
        );
        assert_eq!(
            headline(&summary(2, 0, 0, 2)),
            "Imported 2 of 4 rows; 2 rows skipped (listed below)."
        );
    }
}
