//! The next allowed instant: rather than stepping minute by minute, each blocking rule says
//! until when it blocks for sure (the end of a cap window, the end of a gap or cool-down, the
//! next quiet-hours opening in the contact's zone), and the search jumps to the latest of those.
//! Mail, which has no hour, moves by whole local days.

use super::item::Memo;
use super::sink::Blocks;
use super::{run, Evaluator};
use crate::domain::contact::ContactFacts;
use crate::domain::ledger::Ledger;
use crate::domain::touch::ProposedTouch;
use crate::domain::vocabulary::Channel;
use chrono::{DateTime, Days, TimeDelta, Utc};

/// Enough for any realistic horizon; the search stops (with `None`) rather than spin.
const MAX_STEPS: usize = 10_000;

impl Evaluator {
    /// The earliest instant in `[from, from + horizon]` at which `proposed[index]` has no
    /// `block` conflict against the ledger and the other proposed touches.
    pub fn next_allowed(
        &mut self,
        contact: &ContactFacts,
        ledger: Ledger<'_>,
        proposed: &[ProposedTouch],
        index: usize,
        from: DateTime<Utc>,
        horizon: TimeDelta,
    ) -> Option<DateTime<Utc>> {
        let touch = proposed.get(index)?;
        self.prepare(contact, ledger, proposed);
        let me = self.ledger_len + index;
        let zone = contact.time_zone;
        let until = from.checked_add_signed(horizon)?;
        let mut at = from;
        for _ in 0..MAX_STEPS {
            if at > until {
                return None;
            }
            let mut item = self.items[me];
            let memo = Memo {
                homes: &mut self.homes,
                clocks: self.clocks.get_mut(),
            };
            item.place(at, zone, &self.rules, memo);
            self.items[me] = item;
            let mut blocks = Blocks::default();
            run::run(&self.context(contact, ledger, touch, index), &mut blocks);
            if !blocks.blocked {
                return Some(at);
            }
            if blocks.never {
                return None;
            }
            let next = if touch.channel == Channel::Mail {
                let today = zone.local(at).date();
                let tomorrow = today.checked_add_days(Days::new(1))?;
                zone.start_of_day(tomorrow)
            } else {
                DateTime::from_timestamp_millis(blocks.retry)?
            };
            if next <= at {
                return None;
            }
            at = next;
        }
        None
    }
}
