//! Spreadsheet formula injection: a CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return is run as a formula by Excel, LibreOffice and Google Sheets. The export
//! writes such a cell behind a `'` (which spreadsheets show as text and hide), and the import
//! takes that `'` off again, so an export re-imports unchanged.

/// Whether a cell starting with `c` is read as a formula (or is the escape itself).
fn risky(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\'')
}

/// The cell as the export writes it: behind a `'` when a spreadsheet would run it.
pub fn escape(cell: String) -> String {
    if cell.starts_with(risky) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The cell as the import reads it: without the `'` that [`escape`] put before it.
pub fn unescape(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(risky) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_written_as_text_and_read_back_unchanged() {
        for cell in [
            "=HYPERLINK(\"http://x\")",
            "+1 617 555 0100",
            "-2",
            "@SUM(A1)",
            "\tcmd",
            "\rcmd",
            "'quoted",
            "'=already",
        ] {
            let written = escape(cell.to_owned());
            assert!(written.starts_with('\''), "{cell:?} -> {written:?}");
            assert_eq!(unescape(&written), cell);
        }
        for cell in ["Ada Lovelace", "", "a=b", "ada@example.com"] {
            assert_eq!(escape(cell.to_owned()), cell);
            assert_eq!(unescape(cell), cell);
        }
        // A hand-written CSV keeps a quote that escapes nothing.
        assert_eq!(unescape("'tis"), "'tis");
    }
}
