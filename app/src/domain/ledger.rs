//! A contact's ledger as the engine reads it: borrowed slices of the store's rows plus the
//! name directory, so evaluating a contact never copies its history.

use super::interaction::Interaction;
use super::names::{Names, NO_NAMES};
use super::touch::Touch;

/// One contact's touches (any status; only planned, approved and sent count) and interactions
/// around the instant being asked about, in any order.
#[derive(Clone, Copy, Debug)]
pub struct Ledger<'a> {
    /// The contact's touches.
    pub touches: &'a [Touch],
    /// The contact's interactions.
    pub interactions: &'a [Interaction],
    /// Team and user names for explanations.
    pub names: &'a Names,
}

impl<'a> Ledger<'a> {
    /// A ledger without a name directory (explanations then show ids).
    pub fn new(touches: &'a [Touch], interactions: &'a [Interaction]) -> Ledger<'a> {
        Ledger {
            touches,
            interactions,
            names: &NO_NAMES,
        }
    }

    /// The same ledger, explained with these names.
    pub fn with_names(self, names: &'a Names) -> Ledger<'a> {
        Ledger { names, ..self }
    }

    /// An empty ledger.
    pub fn empty() -> Ledger<'static> {
        Ledger::new(&[], &[])
    }
}
