//! Slows down password guessing: too many failed sign-ins for one account or from one address
//! within a window refuse further attempts until the oldest failure ages out. An attempt counts
//! as a failure from the moment it starts (before the slow password check), so guesses sent in
//! parallel cannot all pass the check before the first failure is recorded; a success takes
//! its count back. Keys whose failures have all aged out are swept now and then.

use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, VecDeque};

/// How many failures one key may have inside [`WINDOW`]: an account, an address.
pub const ACCOUNT_LIMIT: usize = 5;
/// Addresses get more room: several people may share one office address.
pub const ADDRESS_LIMIT: usize = 20;
/// The rolling window the failures are counted in.
pub const WINDOW: Duration = Duration::minutes(15);

/// Attempts between two sweeps of aged-out keys.
const SWEEP_EVERY: u32 = 1_000;

/// Failure times per key ("account:…" or "address:…"), pure: the clock is a parameter.
#[derive(Debug, Default)]
pub struct Throttle {
    failures: HashMap<String, VecDeque<DateTime<Utc>>>,
    since_sweep: u32,
}

impl Throttle {
    /// Starts an attempt for every `(key, limit)`: refused with the wait if any key is at its
    /// limit (nothing is counted then), else counted as a failure of each key until
    /// [`Throttle::succeeded`] takes it back.
    pub fn attempt(&mut self, keys: &[(&str, usize)], now: DateTime<Utc>) -> Result<(), Duration> {
        self.since_sweep += 1;
        if self.since_sweep >= SWEEP_EVERY {
            self.sweep(now);
        }
        for (key, limit) in keys {
            self.check(key, *limit, now)?;
        }
        for (key, _) in keys {
            self.record_failure(key, now);
        }
        Ok(())
    }

    /// The attempt started at `at` succeeded: the account's failures are forgotten and the
    /// attempt is taken off the other keys.
    pub fn succeeded(&mut self, account: &str, others: &[&str], at: DateTime<Utc>) {
        self.clear(account);
        for key in others {
            if let Some(times) = self.failures.get_mut(*key) {
                if let Some(i) = times.iter().rposition(|t| *t == at) {
                    times.remove(i);
                }
                if times.is_empty() {
                    self.failures.remove(*key);
                }
            }
        }
    }

    /// Forgets every key whose failures have all aged out.
    pub fn sweep(&mut self, now: DateTime<Utc>) {
        self.since_sweep = 0;
        self.failures
            .retain(|_, times| times.back().is_some_and(|t| *t + WINDOW > now));
    }

    /// How many keys are remembered.
    pub fn len(&self) -> usize {
        self.failures.len()
    }

    /// Whether no key is remembered.
    pub fn is_empty(&self) -> bool {
        self.failures.is_empty()
    }

    /// `Ok` if `key` may try now, else how long it must wait.
    pub fn check(&mut self, key: &str, limit: usize, now: DateTime<Utc>) -> Result<(), Duration> {
        let Some(times) = self.failures.get_mut(key) else {
            return Ok(());
        };
        while times.front().is_some_and(|t| *t + WINDOW <= now) {
            times.pop_front();
        }
        if times.is_empty() {
            self.failures.remove(key);
            return Ok(());
        }
        if times.len() >= limit {
            let oldest = times[times.len() - limit];
            return Err(oldest + WINDOW - now);
        }
        Ok(())
    }

    /// Counts one failed sign-in against `key`.
    pub fn record_failure(&mut self, key: &str, now: DateTime<Utc>) {
        self.failures
            .entry(key.to_owned())
            .or_default()
            .push_back(now);
    }

    /// Forgets the failures of `key` (after a successful sign-in to that account).
    pub fn clear(&mut self, key: &str) {
        self.failures.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap() + Duration::minutes(minute)
    }

    #[test]
    fn refuses_after_the_limit_until_the_oldest_failure_ages_out() {
        let mut t = Throttle::default();
        for m in 0..3 {
            assert_eq!(t.check("account:a", 3, at(m)), Ok(()));
            t.record_failure("account:a", at(m));
        }
        assert_eq!(t.check("account:a", 3, at(5)), Err(Duration::minutes(10)));
        assert_eq!(t.check("account:b", 3, at(5)), Ok(()));
        assert_eq!(
            t.check("account:a", 3, at(15)),
            Ok(()),
            "the first failure aged out"
        );
    }

    #[test]
    fn an_attempt_counts_before_it_is_checked_so_parallel_guesses_stop_at_the_limit() {
        let mut t = Throttle::default();
        let keys = [("account:a", 3), ("address:1", 20)];
        // Three attempts under way at once, none finished: the fourth is refused.
        for _ in 0..3 {
            assert_eq!(t.attempt(&keys, at(0)), Ok(()));
        }
        assert!(t.attempt(&keys, at(0)).is_err());
        // A success gives its count back.
        t.succeeded("account:a", &["address:1"], at(0));
        assert_eq!(t.attempt(&keys, at(1)), Ok(()));
    }

    #[test]
    fn keys_whose_failures_aged_out_are_swept() {
        let mut t = Throttle::default();
        for n in 0..50 {
            t.record_failure(&format!("address:{n}"), at(0));
        }
        t.record_failure("address:late", at(10));
        t.sweep(at(16));
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn clear_forgets_an_account() {
        let mut t = Throttle::default();
        for m in 0..3 {
            t.record_failure("account:a", at(m));
        }
        t.clear("account:a");
        assert_eq!(t.check("account:a", 3, at(3)), Ok(()));
    }
}
