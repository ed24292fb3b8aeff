//! A refused input field, named so that a form or an API client can point at it (422).

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// One input field that failed to parse, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    /// The field's name as the client sent it, e.g. `timezone`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl FieldError {
    /// A refusal of `field` for the reason `message`.
    pub fn new(field: impl Into<String>, message: impl ToString) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.to_string(),
        }
    }
}
