//! Where the failed sign-in throttle keeps its counts: in this process's memory (SQLite: one
//! process), or in the database every process shares (PostgreSQL), so that a guesser spread
//! over several nodes meets one limit.

use super::throttle::Throttle;
use crate::error::AppError;
use crate::store::db::{Db, Engine};
use crate::store::sign_in_failures;
use chrono::{DateTime, Duration, Utc};
use std::sync::{Arc, Mutex};

/// The throttle of one deployment.
#[derive(Clone, Debug)]
pub enum SignInThrottle {
    /// Counts in memory.
    Local(Arc<Mutex<Throttle>>),
    /// Counts in the shared database.
    Shared(Db),
}

impl SignInThrottle {
    /// The throttle for a deployment on `pool`.
    pub fn for_pool(pool: &Db) -> Self {
        match pool.engine() {
            Engine::Sqlite => SignInThrottle::Local(Arc::default()),
            Engine::Postgres => SignInThrottle::Shared(pool.clone()),
        }
    }

    /// See [`Throttle::attempt`]: `Err(wait)` inside when refused.
    pub async fn attempt(
        &self,
        keys: &[(&str, usize)],
        now: DateTime<Utc>,
    ) -> Result<Result<(), Duration>, AppError> {
        match self {
            SignInThrottle::Local(t) => {
                Ok(t.lock().map_err(|_| AppError::Internal)?.attempt(keys, now))
            }
            SignInThrottle::Shared(pool) => sign_in_failures::attempt(pool, keys, now)
                .await
                .map_err(|e| e.log_as_internal()),
        }
    }

    /// See [`Throttle::succeeded`].
    pub async fn succeeded(
        &self,
        account: &str,
        others: &[&str],
        at: DateTime<Utc>,
    ) -> Result<(), AppError> {
        match self {
            SignInThrottle::Local(t) => {
                t.lock()
                    .map_err(|_| AppError::Internal)?
                    .succeeded(account, others, at);
                Ok(())
            }
            SignInThrottle::Shared(pool) => sign_in_failures::succeeded(pool, account, others, at)
                .await
                .map_err(|e| e.log_as_internal()),
        }
    }
}
