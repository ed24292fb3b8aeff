//! Bearer-token authentication: a token acts as its user, with that user's role and team.

use super::{rate_limit::Limiter, ApiError};
use app::{auth::token, auth::CurrentUser, domain::Action, state::AppState};
use axum::{extract::FromRequestParts, http::request::Parts, http::StatusCode};

/// The user the request's bearer token acts as, and that token's id (the source of the
/// events it reports).
#[derive(Debug, Clone)]
pub struct Caller(pub CurrentUser, pub i64);

impl Caller {
    /// 403 unless the caller's role may take `action`.
    pub fn require(&self, action: Action) -> Result<(), ApiError> {
        Ok(self.0.actor().require(action)?)
    }

    /// The caller as the permission table sees them.
    pub fn actor(&self) -> app::domain::Actor {
        self.0.actor()
    }
}

/// The bearer token of a request, if it has one.
pub fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let unauthorized = |message: &str| {
            ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message.to_owned())
        };
        let presented = bearer(parts)
            .ok_or_else(|| unauthorized("send an API token as Authorization: Bearer <token>"))?;
        let digest = token::digest(presented);
        let (token, user) = app::store::tokens::holder_of_digest(&state.reader, &digest)?
            .ok_or_else(|| unauthorized("the API token is unknown or revoked"))?;
        if let Some(limiter) = parts.extensions.get::<Limiter>() {
            limiter.check(&digest)?;
        }
        Ok(Caller(user, token))
    }
}
