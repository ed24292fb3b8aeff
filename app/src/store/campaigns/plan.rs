//! One recipient of a campaign: the engine's verdict on its touch against its ledger, where the
//! touch goes ([`place`]), and the conflicts stored with it (explained as for a single touch).

use super::SHIFT_HORIZON;
use crate::domain::{
    place, Conflict, Evaluator, Ledger, Names, OnConflict, Placement, ProposedTouch, RuleId,
    TouchStatus,
};
use crate::store::preview::Recipient;
use chrono::{DateTime, Utc};

/// A touch to insert for one recipient.
#[derive(Clone, Debug)]
pub(super) struct PlannedTouch {
    /// The recipient.
    pub contact: i64,
    /// When it goes out (shifted or not).
    pub at: DateTime<Utc>,
    /// `planned` or `pending_review`.
    pub status: TouchStatus,
    /// The conflicts found at `at`, blocks first.
    pub conflicts: Vec<Conflict>,
}

/// Decides one recipient's touch; `None` when it is excluded.
pub(super) fn plan(
    evaluator: &mut Evaluator,
    names: &Names,
    touch: &ProposedTouch,
    on_conflict: OnConflict,
    recipient: &Recipient,
) -> (Placement, Option<PlannedTouch>) {
    let facts = &recipient.facts;
    let ledger = Ledger::new(&recipient.touches, &recipient.interactions).with_names(names);
    let asked = touch.scheduled_at;
    let verdict = evaluator.verdict(facts, ledger, std::slice::from_ref(touch));
    let overridable = verdict.blocks.iter().all(RuleId::overridable);
    let placement = place(verdict.decision(), overridable, on_conflict, asked, || {
        evaluator.next_allowed(
            facts,
            ledger,
            std::slice::from_ref(touch),
            0,
            asked,
            SHIFT_HORIZON,
        )
    });
    let (at, status) = match placement {
        Placement::Excluded => return (placement, None),
        Placement::Planned(at) => (at, TouchStatus::Planned),
        Placement::PendingReview(at) => (at, TouchStatus::PendingReview),
    };
    let conflicts = if at == asked && verdict.rules.is_empty() {
        Vec::new()
    } else {
        let mut moved = touch.clone();
        moved.scheduled_at = at;
        evaluator.evaluate(facts, ledger, std::slice::from_ref(&moved))
    };
    let planned = PlannedTouch {
        contact: facts.id.0,
        at,
        status,
        conflicts,
    };
    (placement, Some(planned))
}
