//! What the import page shows after an upload: how many rows were read and imported, and the
//! rejected rows by line. Stored with the import so the page can show it after a plain form
//! post (the browser is sent to `/contacts/import?report={id}`).

use serde::{Deserialize, Serialize};

/// One rejected row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    /// The line the row starts on (the header is line 1).
    pub line: u64,
    /// Why it was rejected.
    pub error: String,
}

/// The outcome of one CSV upload.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// The stored report's id.
    pub id: i64,
    /// The uploaded file's name.
    pub file_name: String,
    /// Whether the good rows were to be imported despite bad ones.
    pub partial: bool,
    /// Data rows read.
    pub rows_read: u64,
    /// Contacts created.
    pub imported: u64,
    /// Stored contacts updated (matched by external id or email).
    pub updated: u64,
    /// Rows that matched a stored contact and changed nothing.
    pub unchanged: u64,
    /// Rows rejected in all.
    pub rejected_count: u64,
    /// The rejected rows by line (the first 10 000).
    pub rejected: Vec<LineError>,
    /// Headers Concord did not read.
    pub ignored_columns: Vec<String>,
    /// Why the file could not be read at all (an unusable header, not CSV), if so.
    pub failure: Option<String>,
}

impl ImportSummary {
    /// Whether nothing was imported because of bad rows or an unreadable file.
    pub fn refused(&self) -> bool {
        self.failure.is_some()
            || (self.imported == 0
                && self.updated == 0
                && self.unchanged == 0
                && self.rejected_count > 0
                && !self.partial)
    }
}
