//! Why an input was refused before anything was stored: a field that does not parse (422), or
//! something the actor's role may not ask for (403).

use super::field_error::FieldError;
use super::permission::Forbidden;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A refused input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Error)]
pub enum Refused {
    /// A field failed to parse.
    #[error(transparent)]
    Field(#[from] FieldError),
    /// The actor may not ask for this.
    #[error(transparent)]
    Forbidden(#[from] Forbidden),
}
