//! Everything a rule reads while judging one proposed touch.

use super::clocks::Clocks;
use super::compiled::Compiled;
use super::item::Item;
use crate::domain::contact::ContactFacts;
use crate::domain::ledger::Ledger;
use crate::domain::timezone::TimeZone;
use crate::domain::touch::ProposedTouch;
use chrono::NaiveDateTime;
use std::cell::{OnceCell, RefCell};

/// One proposed touch in the context of its contact, ledger and the other proposed touches.
pub(crate) struct Ctx<'a> {
    pub contact: &'a ContactFacts,
    pub ledger: Ledger<'a>,
    pub rules: &'a Compiled,
    /// The proposed touch being judged.
    pub touch: &'a ProposedTouch,
    /// Ledger items that count, then every proposed touch.
    pub items: &'a [Item],
    /// The index of the judged touch in `items`.
    pub me: usize,
    /// The pack rules whose law reaches this contact (indices into `rules.legal`).
    pub legal: &'a [u16],
    /// The zone explanations are written in (the contact's unless a viewer's was asked for).
    pub display: TimeZone,
    /// The judged touch's wall-clock time in the contact's zone, computed once for the rules
    /// that read it (quiet hours, legal hours, holidays, blackouts).
    pub local: OnceCell<NaiveDateTime>,
    /// The evaluator's recently read wall-clock times.
    pub clocks: &'a RefCell<Clocks>,
}

impl<'a> Ctx<'a> {
    /// The judged touch.
    pub fn it(&self) -> &'a Item {
        &self.items[self.me]
    }

    /// Every other touch: the counted ledger and the other proposed touches.
    pub fn others(&self) -> impl Iterator<Item = &'a Item> + Clone + 'a {
        let me = self.me;
        let items = self.items;
        items
            .iter()
            .enumerate()
            .filter(move |(k, _)| *k != me)
            .map(|(_, item)| item)
    }

    /// The judged touch's wall-clock time in the contact's zone.
    pub fn local(&self) -> NaiveDateTime {
        *self
            .local
            .get_or_init(|| self.clocks.borrow_mut().local(self.zone(), self.it().at))
    }

    /// The contact's own zone.
    pub fn zone(&self) -> TimeZone {
        self.contact.time_zone
    }
}
