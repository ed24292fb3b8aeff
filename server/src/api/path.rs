//! A path extractor whose failures are API errors (a non-numeric id is a 400, in JSON).

use super::ApiError;
use axum::{
    extract::{FromRequestParts, Path},
    http::{request::Parts, StatusCode},
};
use serde::de::DeserializeOwned;

/// `Path<T>` with Concord's error answers.
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| ApiPath(value))
            .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed", e.body_text()))
    }
}
