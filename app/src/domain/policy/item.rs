//! A touch reduced to what the rules compare: instants in milliseconds and a presence interval
//! (a point for email, SMS and calls; whole local days of the in-home window for mail).

use super::clocks::Clocks;
use super::compiled::Compiled;
use super::explain::instant;
use super::homes::Homes;
use crate::domain::ids::{TeamId, TouchId, UserId};
use crate::domain::timezone::TimeZone;
use crate::domain::touch::{ProposedTouch, Touch};
use crate::domain::vocabulary::{Channel, Purpose};
use chrono::{DateTime, Utc};

/// One touch, ledger or proposed, as the rules see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Item {
    /// The instant it counts for caps (mail: the start of its first in-home day).
    pub at: i64,
    /// Presence `[lo, hi)`: `[at, at + 1)` for a point, the in-home days for mail.
    pub lo: i64,
    pub hi: i64,
    pub channel: Channel,
    pub purpose: Purpose,
    pub team: TeamId,
    pub author: UserId,
    pub id: Option<TouchId>,
    /// Index in the proposed slice, for proposed touches.
    pub proposed: Option<usize>,
}

impl Item {
    /// Transactional touches neither trip nor count for caps, gaps and mix rules.
    pub fn exempt(&self) -> bool {
        self.purpose == Purpose::Transactional
    }

    pub fn is_mail(&self) -> bool {
        self.channel == Channel::Mail
    }

    /// A total order on what the item shows, for deterministic explanations.
    pub fn sort_key(&self) -> impl Ord {
        (
            self.at,
            self.lo,
            self.hi,
            self.channel,
            self.team,
            self.purpose,
            self.author,
            self.id,
        )
    }

    pub fn from_touch(touch: &Touch, zone: TimeZone, rules: &Compiled, memo: Memo<'_>) -> Item {
        let mut item = Item {
            at: 0,
            lo: 0,
            hi: 0,
            channel: touch.channel,
            purpose: touch.purpose,
            team: touch.team,
            author: touch.author,
            id: Some(touch.id),
            proposed: None,
        };
        item.place(touch.scheduled_at, zone, rules, memo);
        item
    }

    pub fn from_proposed(
        touch: &ProposedTouch,
        index: usize,
        zone: TimeZone,
        rules: &Compiled,
        memo: Memo<'_>,
    ) -> Item {
        let mut item = Item {
            at: 0,
            lo: 0,
            hi: 0,
            channel: touch.channel,
            purpose: touch.purpose,
            team: touch.team,
            author: touch.author,
            id: touch.id,
            proposed: Some(index),
        };
        item.place(touch.scheduled_at, zone, rules, memo);
        item
    }

    /// Sets the item's instants for a given scheduled instant.
    pub fn place(
        &mut self,
        scheduled_at: DateTime<Utc>,
        zone: TimeZone,
        rules: &Compiled,
        memo: Memo<'_>,
    ) {
        if self.channel == Channel::Mail {
            let (lo, hi) = in_home(zone, scheduled_at.timestamp_millis(), rules, memo);
            self.lo = lo;
            self.hi = hi;
            self.at = lo;
        } else {
            self.at = scheduled_at.timestamp_millis();
            self.lo = self.at;
            self.hi = self.at + 1;
        }
    }
}

/// What placing items keeps between touches: in-home windows and zone offsets.
pub(crate) struct Memo<'a> {
    pub homes: &'a mut Homes,
    pub clocks: &'a mut Clocks,
}

/// The in-home window `[lo, hi)` of mail dropped at `drop` (ms): whole local days, from the
/// start of day `min_days` after the drop to the start of the day after `max_days`. It depends
/// only on the drop's local day, so it is computed once per zone and day (see [`Homes`]): with
/// the drop's UTC offset and checked at the window's end (two offset lookups); when the offset
/// changes in between (a DST change), each day start is resolved in full.
fn in_home(zone: TimeZone, drop: i64, rules: &Compiled, memo: Memo<'_>) -> (i64, i64) {
    const DAY: i64 = 86_400_000;
    let Memo { homes, clocks } = memo;
    let offset = clocks.offset_ms(zone, drop);
    let drop_day = (drop + offset).div_euclid(DAY);
    homes.window(zone, drop_day, || {
        let first = (drop_day + i64::from(rules.mail_min_days)) * DAY - offset;
        let end = (drop_day + i64::from(rules.mail_max_days) + 1) * DAY - offset;
        if clocks.offset_ms(zone, end) == offset && clocks.offset_ms(zone, first) == offset {
            return (first, end);
        }
        let start_of = |ms: i64| {
            let date = instant(ms + offset).date_naive();
            zone.start_of_day(date).timestamp_millis()
        };
        (start_of(first), start_of(end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::Rules;

    /// Every drop time over two months around both DST changes of two zones: the window kept
    /// for the drop's local day is the one computed afresh for that very drop.
    #[test]
    fn a_kept_in_home_window_is_the_one_computed_for_the_drop() {
        let rules = Compiled::new(&Rules::default());
        let (mut homes, mut clocks) = (Homes::default(), Clocks::default());
        for name in ["America/New_York", "Europe/Paris", "Australia/Lord_Howe"] {
            let zone = TimeZone::parse(name).expect("zone");
            for start in [1_741_000_000_000_i64, 1_761_000_000_000] {
                for step in 0..(60 * 24 * 60 / 37) {
                    let drop = start + step * 37 * 60_000;
                    let fresh = Memo {
                        homes: &mut Homes::default(),
                        clocks: &mut Clocks::default(),
                    };
                    let fresh = in_home(zone, drop, &rules, fresh);
                    let kept = Memo {
                        homes: &mut homes,
                        clocks: &mut clocks,
                    };
                    assert_eq!(in_home(zone, drop, &rules, kept), fresh, "{name} {drop}");
                }
            }
        }
    }
}
