//! The contact policy engine: given a contact, its ledger, the rules and proposed touches, it
//! says what each proposed touch conflicts with, when it could go out instead, and what about
//! the contact needs attention. Pure: no IO, no clock, no randomness.
//!
//! The free functions are the simple entry points; [`Evaluator`] keeps the compiled rules and a
//! scratch buffer across contacts, for campaign previews over many recipients.

mod addressee;
mod alerts;
mod audience;
mod cap;
mod channel_mix;
mod clocks;
mod compiled;
mod consent;
mod context;
mod cooldown;
mod cross_team;
mod customer_promo;
mod do_not_contact;
mod explain;
mod holiday;
mod homes;
mod item;
mod legal;
mod legal_call_cap;
mod legal_hours;
mod min_gap;
mod next_allowed;
mod owner_only;
mod quiet_hours;
mod reaching;
mod refusal_quiet;
mod robo_care;
mod run;
mod sink;
mod verdict;
mod window;

pub use alerts::alerts;
pub use explain::format_instant;
pub use verdict::{Decision, RuleSet, Verdict};

use crate::domain::conflict::Conflict;
use crate::domain::contact::ContactFacts;
use crate::domain::ledger::Ledger;
use crate::domain::rules::Rules;
use crate::domain::timezone::TimeZone;
use crate::domain::touch::ProposedTouch;
use chrono::{DateTime, TimeDelta, Utc};
use clocks::Clocks;
use compiled::Compiled;
use context::Ctx;
use homes::Homes;
use item::{Item, Memo};
use reaching::Recent;
use sink::{Full, Tally};
use std::cell::RefCell;

/// Every conflict of the proposed touches, each against the contact's ledger and the other
/// proposed touches, in canonical order (see [`Conflict::canonical_cmp`]).
pub fn evaluate(
    contact: &ContactFacts,
    ledger: Ledger<'_>,
    rules: &Rules,
    proposed: &[ProposedTouch],
) -> Vec<Conflict> {
    Evaluator::new(rules).evaluate(contact, ledger, proposed)
}

/// The earliest instant at or after `from`, and at most `horizon` later, at which `touch`
/// would have no `block` conflict; `None` when there is none (or a block never clears, such as
/// missing consent). Mail moves by whole local days.
pub fn next_allowed(
    contact: &ContactFacts,
    ledger: Ledger<'_>,
    rules: &Rules,
    touch: &ProposedTouch,
    from: DateTime<Utc>,
    horizon: TimeDelta,
) -> Option<DateTime<Utc>> {
    let proposed = std::slice::from_ref(touch);
    Evaluator::new(rules).next_allowed(contact, ledger, proposed, 0, from, horizon)
}

/// Evaluates many contacts against one rule set: the rules are compiled once and the scratch
/// space is reused, so the hot path allocates only when it has a conflict to explain.
#[derive(Clone, Debug)]
pub struct Evaluator {
    rules: Compiled,
    viewer: Option<TimeZone>,
    items: Vec<Item>,
    ledger_len: usize,
    /// The pack rules that reach the contact being judged.
    legal: Vec<u16>,
    places: Recent,
    clocks: RefCell<Clocks>,
    /// The in-home windows of mail placed so far.
    homes: Homes,
}

impl Evaluator {
    /// An evaluator for this rule set (assumed valid: see [`Rules::validate`]).
    pub fn new(rules: &Rules) -> Evaluator {
        Evaluator {
            rules: Compiled::new(rules),
            viewer: None,
            items: Vec::new(),
            ledger_len: 0,
            legal: Vec::new(),
            places: Recent::default(),
            clocks: RefCell::default(),
            homes: Homes::default(),
        }
    }

    /// Writes explanations' times in a viewer's zone instead of each contact's (quiet-hours
    /// messages still give the contact's local time too).
    pub fn in_zone(mut self, viewer: TimeZone) -> Evaluator {
        self.viewer = Some(viewer);
        self
    }

    /// Every conflict of the proposed touches, in canonical order.
    pub fn evaluate(
        &mut self,
        contact: &ContactFacts,
        ledger: Ledger<'_>,
        proposed: &[ProposedTouch],
    ) -> Vec<Conflict> {
        self.prepare(contact, ledger, proposed);
        let mut out = Vec::new();
        for (index, touch) in proposed.iter().enumerate() {
            let cx = self.context(contact, ledger, touch, index);
            run::run(
                &cx,
                &mut Full {
                    proposed: index,
                    out: &mut out,
                },
            );
        }
        out.sort_by(Conflict::canonical_cmp);
        out
    }

    /// Which rules fire for the proposed touches, without building explanations: for
    /// per-rule counts in campaign previews and for the send gate's decision.
    pub fn verdict(
        &mut self,
        contact: &ContactFacts,
        ledger: Ledger<'_>,
        proposed: &[ProposedTouch],
    ) -> Verdict {
        self.prepare(contact, ledger, proposed);
        let mut tally = Tally::default();
        for (index, touch) in proposed.iter().enumerate() {
            run::run(&self.context(contact, ledger, touch, index), &mut tally);
        }
        Verdict {
            rules: tally.rules,
            blocks: tally.blocks,
        }
    }

    /// Fills the scratch buffer: the ledger touches that count and are not being moved by a
    /// proposed touch, then every proposed touch.
    fn prepare(&mut self, contact: &ContactFacts, ledger: Ledger<'_>, proposed: &[ProposedTouch]) {
        let zone = contact.time_zone;
        let place = &contact.jurisdiction;
        self.places
            .fill(&self.rules.reaching, place, &mut self.legal);
        self.items.clear();
        let moved =
            |touch: &crate::domain::touch::Touch| proposed.iter().any(|p| p.id == Some(touch.id));
        let counted = ledger.touches.iter().filter(|t| t.counts() && !moved(t));
        let clocks = self.clocks.get_mut();
        for touch in counted {
            let memo = Memo {
                homes: &mut self.homes,
                clocks,
            };
            self.items
                .push(Item::from_touch(touch, zone, &self.rules, memo));
        }
        self.ledger_len = self.items.len();
        for (index, touch) in proposed.iter().enumerate() {
            let memo = Memo {
                homes: &mut self.homes,
                clocks,
            };
            let item = Item::from_proposed(touch, index, zone, &self.rules, memo);
            self.items.push(item);
        }
    }

    fn context<'a>(
        &'a self,
        contact: &'a ContactFacts,
        ledger: Ledger<'a>,
        touch: &'a ProposedTouch,
        index: usize,
    ) -> Ctx<'a> {
        Ctx {
            contact,
            ledger,
            rules: &self.rules,
            touch,
            items: &self.items,
            me: self.ledger_len + index,
            legal: &self.legal,
            display: self.viewer.unwrap_or(contact.time_zone),
            local: std::cell::OnceCell::new(),
            clocks: &self.clocks,
        }
    }
}

#[cfg(test)]
mod tests;
