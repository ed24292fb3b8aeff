//! Slows down password guessing: too many failed sign-ins for one account or from one address
//! within a window refuse further attempts until the oldest failure ages out.

use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, VecDeque};

/// How many failures one key may have inside [`WINDOW`]: an account, an address.
pub const ACCOUNT_LIMIT: usize = 5;
/// Addresses get more room: several people may share one office address.
pub const ADDRESS_LIMIT: usize = 20;
/// The rolling window the failures are counted in.
pub const WINDOW: Duration = Duration::minutes(15);

/// Failure times per key ("account:…" or "address:…"), pure: the clock is a parameter.
#[derive(Debug, Default)]
pub struct Throttle {
    failures: HashMap<String, VecDeque<DateTime<Utc>>>,
}

impl Throttle {
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
    fn clear_forgets_an_account() {
        let mut t = Throttle::default();
        for m in 0..3 {
            t.record_failure("account:a", at(m));
        }
        t.clear("account:a");
        assert_eq!(t.check("account:a", 3, at(3)), Ok(()));
    }
}
