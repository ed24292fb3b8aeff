//! Streaming a CSV file row by row, each with the line it starts on (the header is line 1; a
//! quoted field spanning lines moves the next row's line on accordingly).

use crate::domain::import::{Columns, ImportDefaults, ImportedContact, RowError};
use csv::{ByteRecord, Reader, ReaderBuilder};
use std::io::Read;

/// A CSV source read one record at a time; never holds more than one row.
pub struct Rows<R: Read> {
    csv: Reader<R>,
    record: ByteRecord,
    columns: Columns,
    defaults: ImportDefaults,
}

/// One data row: the line it starts on, and the contact or why it is bad.
pub type Row = (u64, Result<ImportedContact, RowError>);

/// Why the file could not be read at all (as opposed to one bad row).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The header row is unusable.
    #[error("line 1: {0}")]
    Header(#[from] crate::domain::import::HeaderError),
    /// The header row is not UTF-8 text, or the file could not be read.
    #[error("cannot read the CSV file: {0}")]
    Csv(#[from] csv::Error),
}

impl<R: Read> Rows<R> {
    /// Reads the header row.
    pub fn new(reader: R, defaults: ImportDefaults) -> Result<Rows<R>, ReadError> {
        let mut csv = ReaderBuilder::new().flexible(true).from_reader(reader);
        let columns = Columns::from_headers(csv.headers()?.iter())?;
        Ok(Rows {
            csv,
            record: ByteRecord::new(),
            columns,
            defaults,
        })
    }

    /// What each column means.
    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    /// The next non-blank row as (line, contact or reason); `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row>, ReadError> {
        loop {
            if !self.csv.read_byte_record(&mut self.record)? {
                return Ok(None);
            }
            let line = self.record.position().map_or(0, |p| p.line());
            if self.record.iter().all(|cell| cell.trim_ascii().is_empty()) {
                continue;
            }
            return Ok(Some((line, self.parse())));
        }
    }

    fn parse(&self) -> Result<ImportedContact, RowError> {
        let (expected, found) = (self.columns.len(), self.record.len());
        if expected != found {
            return Err(RowError::FieldCount { expected, found });
        }
        let cells = self
            .record
            .iter()
            .map(std::str::from_utf8)
            .collect::<Result<Vec<&str>, _>>()
            .map_err(|_| RowError::NotUtf8)?;
        let cell = |i: usize| crate::domain::import::formula::unescape(cells[i]);
        self.columns.parse_row(&self.defaults, cell)
    }
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
