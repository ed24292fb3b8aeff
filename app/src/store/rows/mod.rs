//! The mapping between database rows and domain and wire types. Row types mirror the tables
//! (integers for instants and flags, text for names and JSON); nothing else in the store
//! decodes a column by hand.

mod contact;
mod interaction;
mod touch;

pub use contact::{ContactRow, CONTACT_BY_ID, CONTACT_SELECT};
pub use interaction::{InteractionRow, INTERACTION_SELECT};
pub use touch::{TouchRow, TOUCH_SELECT};

use super::StoreError;
use chrono::{DateTime, Utc};

/// The stored form of an instant: Unix seconds (UTC).
pub fn secs(at: DateTime<Utc>) -> i64 {
    at.timestamp()
}

/// Reads a stored instant back.
pub fn instant(secs: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp(secs, 0)
        .ok_or_else(|| StoreError::Corrupt(format!("instant {secs} out of range")))
}

/// Reads a stored name of a closed vocabulary (channel, stage, ...) back.
pub fn parsed<T, E: std::fmt::Display>(result: Result<T, E>) -> Result<T, StoreError> {
    result.map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Reads a stored JSON column back.
pub fn json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("JSON: {e}")))
}

/// Writes a value as a JSON column.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}
