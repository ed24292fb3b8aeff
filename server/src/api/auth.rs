//! Bearer-token authentication: a token acts as its user, with that user's role and team.

use super::{rate_limit::Limiter, ApiError};
use app::{auth::token, auth::CurrentUser, domain::Action, state::AppState, store::tokens};
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

    /// The source of what this caller sends (events) and the key of their rate limits.
    pub fn source(&self) -> String {
        format!("token:{}", self.1)
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
        let now = chrono::Utc::now();
        let holder = tokens::holder_of_digest(&state.reader, &digest, now).await?.ok_or_else(|| {
            unauthorized("the API token is unknown, expired or revoked (calendar feed tokens open only their feed)")
        })?;
        if let Some(limiter) = parts.extensions.get::<Limiter>() {
            limiter.check(&digest)?;
        }
        if tokens::use_is_stale(holder.last_used_at, now) {
            // Coarsely, and off the request's path: one write an hour per token at most.
            let (pool, token) = (state.pool.clone(), holder.token);
            tokio::spawn(async move {
                if let Err(e) = tokens::record_use(&pool, token, now).await {
                    tracing::warn!(error = %e, "cannot record a token's use");
                }
            });
        }
        Ok(Caller(holder.user, holder.token))
    }
}
