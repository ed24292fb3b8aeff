//! Server functions answer every error with 500 (server_fn's default). This layer gives a
//! failed server function the status its [`AppError`] means — 401, 403, 404, 409, 422, 429 —
//! so scripts, tests and logs can tell a refusal from a crash. Plain HTML form posts are
//! redirects back to their page and pass through untouched.

use app::error::AppError;
use axum::{
    body::{to_bytes, Body},
    extract::Request,
    http::StatusCode,
    middleware::Next,
    response::Response,
};

/// The header server_fn sets on an error answer.
const ERROR_HEADER: &str = "serverfnerror";
/// Error bodies are small JSON documents; anything larger is left alone.
const MAX_ERROR_BYTES: usize = 64 * 1024;

fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Unauthorized => StatusCode::UNAUTHORIZED,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
        AppError::Unreachable | AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The middleware.
pub async fn map_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = status_of(&error);
    }
    Response::from_parts(parts, Body::from(bytes))
}
