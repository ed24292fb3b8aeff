//! The short answer about a touch: which rules fire and the overall decision, without any
//! explanation text, for campaign previews (counts per rule) and the send gate.

use crate::domain::conflict::RuleId;
use crate::domain::str_enum::str_enum;

/// A set of rule ids (a bit per rule).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RuleSet(u32);

impl RuleSet {
    /// Adds a rule.
    pub fn insert(&mut self, rule: RuleId) {
        self.0 |= 1 << rule.index();
    }

    /// Whether the rule is in the set.
    pub fn contains(self, rule: RuleId) -> bool {
        self.0 & (1 << rule.index()) != 0
    }

    /// Whether no rule is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The rules in the set, in DESIGN's table order.
    pub fn iter(self) -> impl Iterator<Item = RuleId> {
        RuleId::ALL
            .iter()
            .copied()
            .filter(move |r| self.contains(*r))
    }

    /// Both sets together.
    pub fn union(self, other: RuleSet) -> RuleSet {
        RuleSet(self.0 | other.0)
    }
}

str_enum! {
    /// The send gate's answer (`POST /api/v1/check`).
    pub enum Decision ("decision") {
        /// No conflict.
        Allow = "allow",
        /// Only `warn` conflicts.
        Warn = "warn",
        /// At least one `block` conflict.
        Block = "block",
    }
}

/// Which rules fire for the proposed touches, and which of them block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Verdict {
    /// Every rule with a conflict.
    pub rules: RuleSet,
    /// The rules whose conflict is a block.
    pub blocks: RuleSet,
}

impl Verdict {
    /// Allow, warn or block.
    pub fn decision(self) -> Decision {
        if !self.blocks.is_empty() {
            Decision::Block
        } else if !self.rules.is_empty() {
            Decision::Warn
        } else {
            Decision::Allow
        }
    }
}
