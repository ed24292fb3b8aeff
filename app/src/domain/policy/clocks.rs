//! Wall-clock times recently read, per zone and instant. A campaign judges one instant for every
//! recipient and its recipients live in a handful of zones, so most contacts' local time of the
//! proposed touch is already known; a miss costs one zone lookup, as it would without this.

use super::explain::instant;
use crate::domain::timezone::TimeZone;
use chrono::NaiveDateTime;

/// How many (zone, instant) pairs are kept, replaced in turn.
const SLOTS: usize = 16;

#[derive(Clone, Debug, Default)]
pub(crate) struct Clocks {
    slots: Vec<(TimeZone, i64, NaiveDateTime)>,
    next: usize,
}

impl Clocks {
    /// The wall-clock time in `zone` of the instant `at` (ms).
    pub fn local(&mut self, zone: TimeZone, at: i64) -> NaiveDateTime {
        let known = self.slots.iter().find(|(z, a, _)| *z == zone && *a == at);
        if let Some((_, _, local)) = known {
            return *local;
        }
        let local = zone.local(instant(at));
        if self.slots.len() < SLOTS {
            self.slots.push((zone, at, local));
        } else {
            self.slots[self.next] = (zone, at, local);
            self.next = (self.next + 1) % SLOTS;
        }
        local
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_time_is_the_zone_s_own_and_survives_replacement() {
        let zones = ["America/New_York", "Europe/Paris", "Asia/Kolkata"]
            .map(|name| TimeZone::parse(name).expect("zone"));
        let mut clocks = Clocks::default();
        let at = 1_741_701_600_000; // 2025-03-11 14:00 UTC
        for round in 0..3 {
            for (k, zone) in zones.iter().enumerate() {
                // More pairs than slots, so earlier ones are replaced and read again.
                for step in 0..10 {
                    let when = at + (k as i64 * 10 + step) * 3_600_000 + round;
                    assert_eq!(clocks.local(*zone, when), zone.local(instant(when)));
                }
            }
        }
        assert_eq!(clocks.slots.len(), SLOTS);
    }
}
