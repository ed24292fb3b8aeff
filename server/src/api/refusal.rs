//! How the store's per-operation refusals become API errors: each refusal names its status and
//! code once, and any `Failure<E>` converts.

use super::ApiError;
use app::{
    domain::{ClaimError, FieldError, ReviewError, TouchChangeError},
    store::{contacts::ContactError, events::EventError, touches::ScheduleError, Failure},
};
use axum::http::StatusCode;

/// A refusal's HTTP status and stable error code.
pub trait Refusal: std::fmt::Display {
    /// The status and the code for this refusal.
    fn status_and_code(&self) -> (StatusCode, &'static str);
}

const UNPROCESSABLE: (StatusCode, &str) = (StatusCode::UNPROCESSABLE_ENTITY, "validation");
const NOT_FOUND: (StatusCode, &str) = (StatusCode::NOT_FOUND, "not_found");
const CONFLICT: (StatusCode, &str) = (StatusCode::CONFLICT, "conflict");
const FORBIDDEN: (StatusCode, &str) = (StatusCode::FORBIDDEN, "forbidden");

impl Refusal for FieldError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        UNPROCESSABLE
    }
}

impl Refusal for ContactError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ContactError::NotFound => NOT_FOUND,
            ContactError::ExternalIdTaken | ContactError::StaleVersion { .. } => CONFLICT,
        }
    }
}

impl Refusal for ScheduleError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        UNPROCESSABLE
    }
}

impl Refusal for TouchChangeError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            TouchChangeError::NotFound => NOT_FOUND,
            TouchChangeError::StaleVersion { .. } | TouchChangeError::Final(_) => CONFLICT,
        }
    }
}

impl Refusal for EventError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        UNPROCESSABLE
    }
}

impl Refusal for ClaimError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ClaimError::AlreadyOwned { .. } => (StatusCode::CONFLICT, "already_owned"),
            ClaimError::NotOwned => CONFLICT,
            ClaimError::NotOwner | ClaimError::RoleNotAllowed(_) => FORBIDDEN,
            ClaimError::ReasonRequired => UNPROCESSABLE,
            ClaimError::ContactNotFound | ClaimError::UserNotFound => NOT_FOUND,
        }
    }
}

impl Refusal for ReviewError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ReviewError::NotFound => NOT_FOUND,
            ReviewError::NotPending(_) => CONFLICT,
            ReviewError::ReasonRequired => UNPROCESSABLE,
            ReviewError::RoleNotAllowed(_) => FORBIDDEN,
        }
    }
}

impl<E: Refusal> From<E> for ApiError {
    fn from(refusal: E) -> Self {
        let (status, code) = refusal.status_and_code();
        ApiError::new(status, code, refusal.to_string())
    }
}

/// Converts a store outcome: a refusal keeps its status, a database failure is logged as 500.
pub fn from_failure<E: Refusal>(failure: Failure<E>) -> ApiError {
    match failure {
        Failure::Refused(refusal) => refusal.into(),
        Failure::Store(e) => e.into(),
    }
}
