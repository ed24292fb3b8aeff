//! The one error type that crosses the wire, to pages and to API clients.

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

/// What went wrong, in a form that is safe to show: the real cause is logged at the edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (or is not visible to the caller).
    #[error("not found: {0}")]
    NotFound(String),
    /// The caller is not signed in.
    #[error("sign in first")]
    Unauthorized,
    /// The caller's role may not do this.
    #[error("not allowed: {0}")]
    Forbidden(String),
    /// The request collides with the current state (a stale version, an existing owner).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The input failed validation; the message names the field.
    #[error("{0}")]
    Validation(String),
    /// Heavy work is at its limit; try again after the given number of seconds.
    #[error("Concord is busy with other heavy work (previews, imports, exports); try again in {0} seconds")]
    Busy(u64),
    /// Too many attempts; try again after the given number of seconds.
    #[error("too many attempts: try again in {} minutes", .0.div_ceil(60))]
    TooManyAttempts(u64),
    /// The browser could not reach the server.
    #[error("could not reach the server; check the connection and try again")]
    Unreachable,
    /// Something failed on the server; details are in the server log.
    #[error("something went wrong on the server; the details are in its log")]
    Internal,
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status a page or server function answers this error with.
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Unreachable | AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Seconds a client should wait before trying again (`Retry-After`), for refusals that pass.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::Busy(seconds) | AppError::TooManyAttempts(seconds) => Some(*seconds),
            _ => None,
        }
    }

    /// The stable code the API's error body carries beside the status.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "not_found",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden(_) => "forbidden",
            AppError::Conflict(_) => "conflict",
            AppError::Validation(_) => "validation",
            AppError::TooManyAttempts(_) => "rate_limited",
            AppError::Busy(_) => "busy",
            AppError::Unreachable | AppError::Internal => "internal",
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => {
                AppError::Validation(msg)
            }
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Unreachable,
            _ => AppError::Internal,
        }
    }
}
