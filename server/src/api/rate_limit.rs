//! Per-token rate limits: each valid token gets its own bucket, so one runaway sender cannot
//! starve the others. Checked after the token is known to be valid, so unknown tokens cannot
//! grow the table.

use super::ApiError;
use axum::http::StatusCode;
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::{num::NonZeroU32, sync::Arc};

/// The shared limiter, reached by the [`super::Caller`] extractor through a request extension.
#[derive(Clone)]
pub struct Limiter(Arc<DefaultKeyedRateLimiter<String>>);

impl Limiter {
    /// A limiter allowing `per_second` requests a second per token, in bursts of as many.
    pub fn per_token(per_second: u32) -> Self {
        let rate = NonZeroU32::new(per_second.max(1)).unwrap_or(NonZeroU32::MIN);
        Self(Arc::new(RateLimiter::keyed(
            Quota::per_second(rate).allow_burst(rate),
        )))
    }

    /// `Ok` if the token identified by `digest` may make a request now, else 429.
    pub fn check(&self, digest: &str) -> Result<(), ApiError> {
        let key = digest.to_owned();
        self.0.check_key(&key).map_err(|not_until| {
            let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
            ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!(
                    "too many requests for this token; retry in {} ms",
                    wait.as_millis().max(1)
                ),
            )
        })
    }
}
