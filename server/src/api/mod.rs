//! The REST API for external senders and integrations, under `/api/v1`, with bearer tokens,
//! JSON errors, a body limit, per-token rate limits and an OpenAPI document.

mod auth;
mod error;
mod json;
mod openapi;
mod rate_limit;
mod teams;
mod tokens;
mod users;

pub use auth::Caller;
pub use error::{ApiError, ErrorBody};
pub use json::ApiJson;

use app::state::AppState;
use axum::{
    extract::DefaultBodyLimit,
    routing::{get, post},
    Extension, Router,
};

/// The largest JSON body the API reads.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The API's routes, to be merged into the application router.
pub fn router(requests_per_second: u32) -> Router<AppState> {
    let v1 = Router::new()
        .route("/teams", post(teams::create))
        .route("/users", post(users::create))
        .route("/tokens", post(tokens::create))
        .fallback(error::not_found)
        .layer(Extension(rate_limit::Limiter::per_token(
            requests_per_second,
        )))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    Router::new()
        .nest("/api/v1", v1)
        .route("/api/openapi.json", get(openapi::document))
}
