//! The outcome of a store operation that can be refused: a per-operation domain error (e.g.
//! [`crate::domain::ClaimError::AlreadyOwned`]) or a failure of the database itself.

use super::StoreError;
use crate::error::AppError;
use thiserror::Error;

/// A refusal for a domain reason `E`, or a store failure (logged at the edge as internal).
#[derive(Debug, Error)]
pub enum Failure<E> {
    /// The operation was refused; nothing changed.
    #[error(transparent)]
    Refused(E),
    /// The database failed; nothing changed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl<E> From<sqlx::Error> for Failure<E> {
    fn from(error: sqlx::Error) -> Self {
        Failure::Store(StoreError::Sql(error))
    }
}

impl<E> Failure<E> {
    /// The refusal, when the operation was refused (handy in tests and handlers).
    pub fn refusal(self) -> Option<E> {
        match self {
            Failure::Refused(e) => Some(e),
            Failure::Store(_) => None,
        }
    }
}

/// Shorthand for refusing with `error`.
pub fn refuse<T, E>(error: E) -> Result<T, Failure<E>> {
    Err(Failure::Refused(error))
}

impl<E: Into<AppError>> From<Failure<E>> for AppError {
    /// A refusal becomes its wire error; a store failure is logged and becomes `Internal`.
    fn from(failure: Failure<E>) -> AppError {
        match failure {
            Failure::Refused(refusal) => refusal.into(),
            Failure::Store(error) => error.log_as_internal(),
        }
    }
}
