//! The API's error answers: `{"error": "<code>", "message": "…"}` with the right status.

use app::error::AppError;
use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use serde::Serialize;
use utoipa::ToSchema;

/// The JSON body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// A stable code: malformed, unauthorized, forbidden, not_found, conflict, too_large,
    /// validation, rate_limited, internal.
    #[schema(example = "validation")]
    pub error: String,
    /// What went wrong, for a person; a validation message names the field.
    #[schema(example = "name: must not be empty")]
    pub message: String,
}

/// An API failure: a status, a stable code and a message.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after: Option<u64>,
}

impl ApiError {
    /// An error with an explicit status and code.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 422: the named field failed validation.
    pub fn field(field: &str, message: impl std::fmt::Display) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            format!("{field}: {message}"),
        )
    }

    /// 409 with a specific code, such as `already_owned`.
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self {
            retry_after: e.retry_after(),
            ..Self::new(e.status(), e.code(), e.to_string())
        }
    }
}

impl From<app::domain::FieldError> for ApiError {
    fn from(e: app::domain::FieldError) -> Self {
        AppError::from(e).into()
    }
}

impl From<app::store::heavy::TurnedAway> for ApiError {
    fn from(refusal: app::store::heavy::TurnedAway) -> Self {
        AppError::from(refusal).into()
    }
}

impl From<app::domain::Forbidden> for ApiError {
    /// 403 with the refusal alone ("a rep may not …").
    fn from(refusal: app::domain::Forbidden) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", refusal.to_string())
    }
}

impl From<app::domain::Refused> for ApiError {
    fn from(e: app::domain::Refused) -> Self {
        match e {
            app::domain::Refused::Forbidden(refusal) => refusal.into(),
            app::domain::Refused::Field(e) => e.into(),
        }
    }
}

impl<E: Into<AppError>> From<app::store::Failure<E>> for ApiError {
    fn from(failure: app::store::Failure<E>) -> Self {
        AppError::from(failure).into()
    }
}

impl From<app::store::StoreError> for ApiError {
    fn from(e: app::store::StoreError) -> Self {
        e.log_as_internal().into()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: self.code.to_owned(),
            message: self.message,
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

/// The API's answer for a path it does not have.
pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such API path")
}
