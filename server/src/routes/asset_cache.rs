//! `Cache-Control` on the front end's files under `/pkg/`, as [`Assets`] says: a year and
//! immutable for a hashed name, checked each time otherwise.

use crate::assets::Assets;
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};
use std::sync::Arc;

/// The middleware.
pub async fn cache(State(assets): State<Arc<Assets>>, request: Request, next: Next) -> Response {
    let policy = assets.cache_control(request.uri().path());
    let mut response = next.run(request).await;
    // Only a file that was found (Leptos's file handler answers 200 or 404, never 304, so a
    // revalidated file comes again in full).
    if let (Some(policy), true) = (policy, response.status().is_success()) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}
