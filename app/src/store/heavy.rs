//! Heavy work — campaign previews and creation, CSV imports and exports — runs at most
//! [`PERMITS`] at a time, on connections of its own, so that it never takes the connections
//! that sessions, sign-in, pages and the send gate need. A request that finds every permit
//! taken waits up to [`WAIT`], then is turned away with "busy, retry after" (503). Each token
//! and each user may also start only [`PER_MINUTE`] heavy jobs a minute (429 past that).

use super::StoreError;
use crate::store::db;
use db::Db;
use std::{sync::Arc, time::Duration};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Heavy jobs at once (the machine has two cores).
pub const PERMITS: usize = 2;
/// How long a heavy request waits for a permit before it is turned away.
pub const WAIT: Duration = Duration::from_secs(2);
/// What a turned-away request is told to wait before trying again, in seconds.
pub const RETRY_AFTER_SECS: u64 = 5;
/// Heavy jobs one token or one user may start a minute (in bursts of [`BURST`]).
pub const PER_MINUTE: u32 = 120;
/// The burst of [`PER_MINUTE`].
pub const BURST: u32 = 30;
/// Connections of the heavy pool: a preview streams five cursors at once.
const CONNECTIONS: u32 = 6 * PERMITS as u32;

/// The gate and the connections of heavy work.
#[derive(Clone, Debug)]
pub struct Heavy {
    pool: Db,
    permits: Arc<Semaphore>,
    wait: Duration,
    rate: Arc<governor::DefaultKeyedRateLimiter<String>>,
}

/// A permit to run one heavy job, with the pool to run it on. Dropping it frees the permit.
#[derive(Debug)]
pub struct HeavyTicket {
    /// The heavy work's own connections.
    pub pool: Db,
    _permit: OwnedSemaphorePermit,
}

/// Every permit is taken: try again after this many seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "Concord is busy with other heavy work (previews, imports, exports); try again in {0} seconds"
)]
pub struct Busy(pub u64);

/// Why heavy work was turned away.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TurnedAway {
    /// Every permit is taken (503).
    #[error(transparent)]
    Busy(#[from] Busy),
    /// This token or user started too many heavy jobs lately (429); retry after the seconds.
    #[error("too many previews, imports or exports lately; try again in {0} seconds")]
    RateLimited(u64),
}

impl Heavy {
    /// Opens the heavy pool on the same (already migrated) database.
    pub async fn open(path: &super::db::Location) -> Result<Heavy, StoreError> {
        let pool = super::open::connect(path, CONNECTIONS).await?;
        Ok(Heavy::on(pool))
    }

    /// A gate around an existing pool (tests, commands).
    pub fn on(pool: Db) -> Heavy {
        let per_minute = std::num::NonZeroU32::new(PER_MINUTE).unwrap_or(std::num::NonZeroU32::MIN);
        let burst = std::num::NonZeroU32::new(BURST).unwrap_or(std::num::NonZeroU32::MIN);
        Heavy {
            pool,
            permits: Arc::new(Semaphore::new(PERMITS)),
            wait: WAIT,
            rate: Arc::new(governor::RateLimiter::keyed(
                governor::Quota::per_minute(per_minute).allow_burst(burst),
            )),
        }
    }

    /// The same gate, waiting `wait` for a permit instead of [`WAIT`].
    pub fn waiting(self, wait: Duration) -> Heavy {
        Heavy { wait, ..self }
    }

    /// A permit for `who` (`token:7`, `user:3`): refused past their rate, else waiting up to
    /// [`WAIT`] for one.
    pub async fn start_for(&self, who: &str) -> Result<HeavyTicket, TurnedAway> {
        use governor::clock::Clock;
        self.rate.check_key(&who.to_owned()).map_err(|not_until| {
            let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
            TurnedAway::RateLimited(wait.as_secs().max(1))
        })?;
        Ok(self.start().await?)
    }

    /// A permit, waiting up to [`WAIT`] for one.
    pub async fn start(&self) -> Result<HeavyTicket, Busy> {
        let permit = tokio::time::timeout(self.wait, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| Busy(RETRY_AFTER_SECS))?
            .map_err(|_| Busy(RETRY_AFTER_SECS))?;
        Ok(HeavyTicket {
            pool: self.pool.clone(),
            _permit: permit,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_third_heavy_job_waits_then_is_turned_away_and_a_freed_permit_lets_one_in() {
        let dir = tempfile::tempdir().unwrap();
        let heavy = Heavy::open(&dir.path().join("h.db").into())
            .await
            .unwrap()
            .waiting(Duration::from_millis(20));
        let first = heavy.start().await.unwrap();
        let _second = heavy.start().await.unwrap();
        assert_eq!(heavy.start().await.unwrap_err(), Busy(RETRY_AFTER_SECS));
        drop(first);
        assert!(heavy.start().await.is_ok());
    }

    #[tokio::test]
    async fn one_user_past_their_rate_is_told_to_wait_and_another_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let heavy = Heavy::open(&dir.path().join("h.db").into()).await.unwrap();
        for _ in 0..BURST {
            drop(heavy.start_for("user:1").await.unwrap());
        }
        assert!(matches!(
            heavy.start_for("user:1").await,
            Err(TurnedAway::RateLimited(_))
        ));
        assert!(heavy.start_for("user:2").await.is_ok());
    }
}
