use super::*;
use crate::domain::import::HeaderError;

fn lines(csv: &str) -> Vec<(u64, Result<String, RowError>)> {
    let defaults = ImportDefaults {
        time_zone: Some(crate::domain::TimeZone::UTC),
        ..ImportDefaults::default()
    };
    let mut rows = Rows::new(csv.as_bytes(), defaults).unwrap();
    let mut out = Vec::new();
    while let Some((line, row)) = rows.next_row().unwrap() {
        out.push((line, row.map(|c| c.name)));
    }
    out
}

#[test]
fn the_header_is_line_one() {
    let got = lines("Name,Email\nAnn,ann@example.com\nBob,bob@example.com\n");
    assert_eq!(got, vec![(2, Ok("Ann".into())), (3, Ok("Bob".into()))]);
}

#[test]
fn a_quoted_field_over_several_lines_moves_the_next_rows_line() {
    let csv = "Name,Address\nAnn,\"1 Main St\nBoston\nMA\"\nBob,x\nCy,\"a\r\nb\"\n,\n";
    let got = lines(csv);
    assert_eq!(got[0], (2, Ok("Ann".into())));
    assert_eq!(got[1], (5, Ok("Bob".into())));
    assert_eq!(got[2], (6, Ok("Cy".into())));
    assert_eq!(got.len(), 3, "the blank row is skipped: {got:?}");
}

#[test]
fn a_row_with_the_wrong_number_of_fields_is_reported_on_its_line() {
    let got = lines("Name,Email\nAnn\nBob,b@example.com,extra\n");
    let count = |found| Err(RowError::FieldCount { expected: 2, found });
    assert_eq!(got, vec![(2, count(1)), (3, count(3))]);
}

#[test]
fn a_row_that_is_not_utf8_is_reported_and_reading_goes_on() {
    let bytes = b"Name\n\xff\xfe\nBob\n";
    let mut rows = Rows::new(&bytes[..], ImportDefaults::default()).unwrap();
    let (line, row) = rows.next_row().unwrap().unwrap();
    assert_eq!((line, row), (2, Err(RowError::NotUtf8)));
    let (line, _) = rows.next_row().unwrap().unwrap();
    assert_eq!(line, 3);
}

#[test]
fn an_empty_file_has_no_name_column() {
    let error = Rows::new(&b""[..], ImportDefaults::default())
        .err()
        .unwrap();
    assert!(
        matches!(error, ReadError::Header(HeaderError::NoName)),
        "{error}"
    );
}
