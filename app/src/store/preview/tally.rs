//! Counting a preview: per-rule hits (and of them, blocks) from cheap verdicts, and a few kept
//! recipients per rule that are explained in full (and given a next allowed slot) once the
//! stream is done. Asked for a later page of one rule's samples, it skips that rule's hits
//! before the page.

use super::{Preview, Sample};
use crate::domain::{
    ContactFacts, Decision, Evaluator, Interaction, Ledger, Names, ProposedTouch, RuleId, RuleSet,
    Touch, Verdict,
};
use chrono::TimeDelta;

/// A recipient kept as a sample, with its ledger.
struct Kept {
    facts: ContactFacts,
    touches: Vec<Touch>,
    interactions: Vec<Interaction>,
    rules: RuleSet,
    blocks: RuleSet,
    blocked: bool,
}

/// The running counts.
pub(super) struct Tally {
    per_rule: usize,
    from: Option<(RuleId, usize)>,
    preview: Preview,
    kept: Vec<Kept>,
    taken: Vec<usize>,
}

impl Tally {
    /// Keeps at most `per_rule` samples for each rule; with `from`, that rule's from its hit of
    /// that index on.
    pub(super) fn new(per_rule: usize, from: Option<(RuleId, usize)>) -> Tally {
        Tally {
            per_rule,
            from,
            preview: Preview::default(),
            kept: Vec::new(),
            taken: vec![0; RuleId::ALL.len()],
        }
    }

    /// How many recipients have been counted.
    pub(super) fn recipients(&self) -> u64 {
        self.preview.recipients
    }

    /// Counts one recipient's verdict, keeping it as a sample for the rules still short of one.
    pub(super) fn add(
        &mut self,
        verdict: Verdict,
        facts: &ContactFacts,
        touches: &[Touch],
        interactions: &[Interaction],
    ) {
        let p = &mut self.preview;
        p.recipients += 1;
        match verdict.decision() {
            Decision::Allow => p.allowed += 1,
            Decision::Warn => p.warned += 1,
            Decision::Block => p.blocked += 1,
        }
        let mut wanted = RuleSet::default();
        for rule in verdict.rules.iter() {
            let hits = p.by_rule.entry(rule).or_default();
            *hits += 1;
            if verdict.blocks.contains(rule) {
                *p.blocks_by_rule.entry(rule).or_default() += 1;
            }
            let before_page =
                matches!(self.from, Some((paged, from)) if paged == rule && *hits <= from as u64);
            if !before_page && self.taken[rule.index()] < self.per_rule {
                self.taken[rule.index()] += 1;
                wanted.insert(rule);
            }
        }
        if !wanted.is_empty() {
            self.kept.push(Kept {
                facts: facts.clone(),
                touches: touches.to_vec(),
                interactions: interactions.to_vec(),
                rules: wanted,
                blocks: verdict.blocks,
                blocked: verdict.decision() == Decision::Block,
            });
        }
    }

    /// Explains the samples and finds the blocked ones' next allowed slots.
    pub(super) fn finish(
        mut self,
        evaluator: &mut Evaluator,
        touch: &ProposedTouch,
        horizon: TimeDelta,
        names: &Names,
    ) -> Preview {
        let proposed = std::slice::from_ref(touch);
        for kept in &self.kept {
            let ledger = Ledger::new(&kept.touches, &kept.interactions).with_names(names);
            let conflicts = evaluator.evaluate(&kept.facts, ledger, proposed);
            for rule in kept.rules.iter() {
                let message = conflicts
                    .iter()
                    .find(|c| c.rule == rule)
                    .map(|c| c.message.clone())
                    .unwrap_or_default();
                let sample = Sample {
                    contact: kept.facts.id,
                    name: String::new(),
                    message,
                    blocks: kept.blocks.contains(rule),
                };
                self.preview.samples.entry(rule).or_default().push(sample);
            }
            if kept.blocked {
                let at = touch.scheduled_at;
                let next = evaluator.next_allowed(&kept.facts, ledger, proposed, 0, at, horizon);
                self.preview.next_allowed.insert(kept.facts.id, next);
            }
        }
        self.preview
    }
}
