//! In-home windows of mail already placed, per zone and local drop day. A mail touch's window is
//! whole local days counted from the day it is dropped, so every mail dropped on the same local
//! day in the same zone has the same window; ledgers repeat a few drop days per zone, and each
//! window is then found with one zone lookup (for the drop's local day) instead of two or more.

use crate::domain::timezone::TimeZone;
use rustc_hash::FxHashMap;

/// How many windows are kept before the memo starts over (a few hundred zones and days in
/// practice; the bound only keeps a long-lived evaluator's memory flat).
const KEPT: usize = 4096;

#[derive(Clone, Debug, Default)]
pub(crate) struct Homes {
    windows: FxHashMap<(TimeZone, i64), (i64, i64)>,
}

impl Homes {
    /// The window `[lo, hi)` (ms) of mail dropped on local day `day` (days since 1970-01-01 on
    /// the zone's wall clock), computed by `compute` the first time.
    pub fn window(
        &mut self,
        zone: TimeZone,
        day: i64,
        compute: impl FnOnce() -> (i64, i64),
    ) -> (i64, i64) {
        if let Some(known) = self.windows.get(&(zone, day)) {
            return *known;
        }
        if self.windows.len() >= KEPT {
            self.windows.clear();
        }
        let window = compute();
        self.windows.insert((zone, day), window);
        window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_is_computed_once_per_zone_and_day() {
        let ny = TimeZone::parse("America/New_York").expect("zone");
        let paris = TimeZone::parse("Europe/Paris").expect("zone");
        let mut homes = Homes::default();
        let mut computed = 0;
        for (zone, day, window) in [
            (ny, 20_000, (1, 2)),
            (ny, 20_000, (9, 9)),
            (paris, 20_000, (3, 4)),
            (ny, 20_001, (5, 6)),
            (paris, 20_000, (9, 9)),
        ] {
            let found = homes.window(zone, day, || {
                computed += 1;
                window
            });
            assert_ne!(found, (9, 9), "a kept window is returned as it was");
        }
        assert_eq!(computed, 3);
    }
}
