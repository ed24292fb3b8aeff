//! Where rules report what they find. One rule implementation serves three callers: the full
//! evaluation (explanations built), the verdict (a bit per rule, nothing formatted) and the
//! next-allowed search (only blocks, and when each could clear).

use super::verdict::RuleSet;
use crate::domain::conflict::{Conflict, RuleId, Severity};
use crate::domain::ids::TouchId;

/// A conflict's text and the touches it names, built only when a sink asks for it.
pub(crate) struct Explanation {
    pub message: String,
    pub touch_ids: Vec<TouchId>,
}

/// From when a block might clear for the touch being moved: never (it does not depend on the
/// time), or not before this instant (ms) — the rule blocks every instant before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Retry {
    Never,
    At(i64),
}

pub(crate) trait Sink {
    /// Whether findings of this severity matter to this sink (rules of other severities are
    /// skipped entirely).
    fn wants(&self, severity: Severity) -> bool;

    /// Whether this sink reads when a finding clears (the next-allowed search does); rules
    /// whose retry instant is costly compute it only then.
    fn wants_retry(&self) -> bool {
        false
    }

    /// Reports one finding.
    fn hit<F: FnOnce() -> Explanation>(
        &mut self,
        rule: RuleId,
        severity: Severity,
        retry: Retry,
        explain: F,
    );
}

/// Collects full conflicts for one proposed touch.
pub(crate) struct Full<'a> {
    pub proposed: usize,
    pub out: &'a mut Vec<Conflict>,
}

impl Sink for Full<'_> {
    fn wants(&self, _: Severity) -> bool {
        true
    }

    fn hit<F: FnOnce() -> Explanation>(
        &mut self,
        rule: RuleId,
        severity: Severity,
        _: Retry,
        f: F,
    ) {
        let Explanation {
            message,
            mut touch_ids,
        } = f();
        touch_ids.sort_unstable();
        touch_ids.dedup();
        self.out.push(Conflict {
            proposed: self.proposed,
            rule,
            severity,
            message,
            touch_ids,
        });
    }
}

/// Collects which rules fire and the worst severity, formatting nothing.
#[derive(Default)]
pub(crate) struct Tally {
    pub rules: RuleSet,
    pub blocks: RuleSet,
}

impl Sink for Tally {
    fn wants(&self, _: Severity) -> bool {
        true
    }

    fn hit<F: FnOnce() -> Explanation>(
        &mut self,
        rule: RuleId,
        severity: Severity,
        _: Retry,
        _: F,
    ) {
        self.rules.insert(rule);
        if severity == Severity::Block {
            self.blocks.insert(rule);
        }
    }
}

/// Tracks blocks and the latest instant any of them could clear.
#[derive(Default)]
pub(crate) struct Blocks {
    pub blocked: bool,
    pub never: bool,
    pub retry: i64,
}

impl Sink for Blocks {
    fn wants_retry(&self) -> bool {
        true
    }

    fn wants(&self, severity: Severity) -> bool {
        severity == Severity::Block
    }

    fn hit<F: FnOnce() -> Explanation>(
        &mut self,
        _: RuleId,
        severity: Severity,
        retry: Retry,
        _: F,
    ) {
        if severity != Severity::Block {
            return;
        }
        if !self.blocked {
            self.retry = i64::MIN;
        }
        self.blocked = true;
        match retry {
            Retry::Never => self.never = true,
            Retry::At(at) => self.retry = self.retry.max(at),
        }
    }
}
