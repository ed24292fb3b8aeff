//! Wall-clock times recently read. Two memos:
//! - per zone and instant: a campaign judges one instant for every recipient and its recipients
//!   live in a handful of zones, so most contacts' local time of the proposed touch is known;
//! - per zone and UTC hour, the zone's offset: the ledger touches the engine places and names
//!   fall in the same few hundred hours of the same few zones. An hour is kept only when its
//!   first and last millisecond have the same offset, so a DST change inside it (on the hour or,
//!   as in Lord Howe, on the half hour) is always looked up in full; no zone changes its offset
//!   twice within one hour.

use super::explain::instant;
use crate::domain::timezone::TimeZone;
use chrono::NaiveDateTime;
use std::hash::{Hash, Hasher};

/// How many (zone, instant) pairs are kept, replaced in turn.
const SLOTS: usize = 16;

/// How many (zone, hour) offsets are kept: a direct-mapped table, a power of two (16 384
/// slots of 12 bytes; a campaign's ledgers span a few thousand hours of a few zones).
const HOURS: usize = 16_384;

const HOUR: i64 = 3_600_000;

#[derive(Clone, Debug, Default)]
pub(crate) struct Clocks {
    slots: Vec<(TimeZone, i64, NaiveDateTime)>,
    next: usize,
    /// `(zone, UTC hour since 1970, offset in seconds)`, at the slot its zone and hour hash to.
    hours: Vec<(TimeZone, i32, i32)>,
}

impl Clocks {
    /// The wall-clock time in `zone` of the instant `at` (ms), the judged touch's: kept per
    /// instant.
    pub fn local(&mut self, zone: TimeZone, at: i64) -> NaiveDateTime {
        let known = self.slots.iter().find(|(z, a, _)| *z == zone && *a == at);
        if let Some((_, _, local)) = known {
            return *local;
        }
        let local = self.wall(zone, at);
        if self.slots.len() < SLOTS {
            self.slots.push((zone, at, local));
        } else {
            self.slots[self.next] = (zone, at, local);
            self.next = (self.next + 1) % SLOTS;
        }
        local
    }

    /// The wall-clock time in `zone` of any instant `at` (ms), through the kept offsets.
    pub fn wall(&mut self, zone: TimeZone, at: i64) -> NaiveDateTime {
        instant(at + self.offset_ms(zone, at)).naive_utc()
    }

    /// The zone's offset from UTC (ms) at the instant `at` (ms).
    pub fn offset_ms(&mut self, zone: TimeZone, at: i64) -> i64 {
        let hour = at.div_euclid(HOUR);
        let Ok(key) = i32::try_from(hour) else {
            return offset_of(zone, at);
        };
        let mut hasher = rustc_hash::FxHasher::default();
        (zone, key).hash(&mut hasher);
        let slot = hasher.finish() as usize % HOURS;
        if let Some(&(z, h, seconds)) = self.hours.get(slot) {
            if z == zone && h == key {
                return i64::from(seconds) * 1000;
            }
        }
        let first = offset_of(zone, hour * HOUR);
        if offset_of(zone, hour * HOUR + HOUR - 1) != first {
            return offset_of(zone, at);
        }
        if self.hours.is_empty() {
            self.hours = vec![(TimeZone::UTC, i32::MIN, 0); HOURS];
        }
        // Offsets are whole seconds.
        self.hours[slot] = (zone, key, (first / 1000) as i32);
        first
    }
}

/// The zone's offset (ms) at an instant (ms), looked up in full.
fn offset_of(zone: TimeZone, at: i64) -> i64 {
    i64::from(zone.offset_seconds(instant(at))) * 1000
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

    /// Every 7 minutes over two months around both DST changes of zones that change on the hour,
    /// at 01:00 UTC (Paris) and on the half hour (Lord Howe), read twice: first filling the kept
    /// offsets, then from them.
    #[test]
    fn a_kept_offset_is_the_zone_s_own_across_dst_changes() {
        let names = [
            "America/New_York",
            "Europe/Paris",
            "Australia/Lord_Howe",
            "Asia/Kolkata",
        ];
        let mut clocks = Clocks::default();
        for _ in 0..2 {
            for name in names {
                let zone = TimeZone::parse(name).expect("zone");
                for start in [1_741_000_000_000_i64, 1_759_000_000_000] {
                    for step in 0..(60 * 24 * 60 / 7) {
                        let at = start + step * 7 * 60_000 + 13_000;
                        let expected = zone.local(instant(at));
                        assert_eq!(clocks.wall(zone, at), expected, "{name} {at}");
                    }
                }
            }
        }
    }
}
