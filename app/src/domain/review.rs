//! A manager's decision on a `pending_review` touch: approve (an override of the blocking
//! rules, with a reason) or reject (the touch is not going out), always with a reason.

use super::conflict::{Conflict, RuleId, Severity};
use super::planning_time::from_now_on;
use super::str_enum::str_enum;
use super::vocabulary::TouchStatus;
use super::{permission::Action, role::Role};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

str_enum! {
    /// What a manager decided.
    pub enum ReviewDecision ("decision") {
        /// The touch goes out despite its block conflicts.
        Approve = "approve",
        /// The touch does not go out.
        Reject = "reject",
    }
}

/// Why a review was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Error)]
pub enum ReviewError {
    /// No such touch.
    #[error("no such touch")]
    NotFound,
    /// Only a touch awaiting review can be decided.
    #[error("the touch is {0}, not pending_review")]
    NotPending(TouchStatus),
    /// Every decision needs a reason.
    #[error("reason: a reason is required")]
    ReasonRequired,
    /// Only managers and admins review.
    #[error("a {0} may not review touches")]
    RoleNotAllowed(Role),
    /// An approval would override a rule no manager may override.
    #[error("{} cannot be overridden: the contact withdrew consent or asked not to be contacted; reject the touch", .0.title())]
    NotOverridable(RuleId),
    /// An approval would send a touch whose time has passed.
    #[error(
        "the touch's time has passed: move it to a new time before approving it, or reject it"
    )]
    Passed,
}

/// An approval lets the touch go out at its planned time, so that time must still be ahead (a
/// rejection is always possible).
pub fn still_due(
    decision: ReviewDecision,
    scheduled_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), ReviewError> {
    match decision {
        ReviewDecision::Approve => from_now_on(scheduled_at, now).map_err(|_| ReviewError::Passed),
        ReviewDecision::Reject => Ok(()),
    }
}

/// The outcome of a valid review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewOutcome {
    /// The touch's new status: `approved`, or `cancelled` for a rejection.
    pub status: TouchStatus,
    /// The trimmed reason.
    pub reason: String,
    /// The block rules an approval overrides (none for a rejection), ascending, unique.
    pub overridden: Vec<RuleId>,
}

/// The reason a decision gives, trimmed; every decision needs one.
pub fn given_reason(reason: &str) -> Result<&str, ReviewError> {
    let reason = reason.trim();
    if reason.is_empty() {
        Err(ReviewError::ReasonRequired)
    } else {
        Ok(reason)
    }
}

/// Decides a review of a touch in `status` whose stored conflicts are `conflicts`.
pub fn decide(
    role: Role,
    status: TouchStatus,
    decision: ReviewDecision,
    reason: &str,
    conflicts: &[Conflict],
) -> Result<ReviewOutcome, ReviewError> {
    if !role.may(Action::Review) {
        return Err(ReviewError::RoleNotAllowed(role));
    }
    if status != TouchStatus::PendingReview {
        return Err(ReviewError::NotPending(status));
    }
    let reason = given_reason(reason)?;
    let (status, overridden) = match decision {
        ReviewDecision::Approve => {
            let mut rules: Vec<RuleId> = conflicts
                .iter()
                .filter(|c| c.severity == Severity::Block)
                .map(|c| c.rule)
                .collect();
            if let Some(rule) = rules.iter().find(|r| !r.overridable()) {
                return Err(ReviewError::NotOverridable(*rule));
            }
            rules.sort();
            rules.dedup();
            (TouchStatus::Approved, rules)
        }
        ReviewDecision::Reject => (TouchStatus::Cancelled, Vec::new()),
    };
    Ok(ReviewOutcome {
        status,
        reason: reason.to_owned(),
        overridden,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflict(rule: RuleId, severity: Severity) -> Conflict {
        Conflict {
            proposed: 0,
            rule,
            severity,
            message: String::new(),
            touch_ids: Vec::new(),
        }
    }

    #[test]
    fn an_approval_overrides_the_block_rules_only() {
        let conflicts = [
            conflict(RuleId::MinGap, Severity::Block),
            conflict(RuleId::CrossTeam, Severity::Warn),
            conflict(RuleId::DailyCap, Severity::Block),
            conflict(RuleId::DailyCap, Severity::Block),
        ];
        let outcome = decide(
            Role::Manager,
            TouchStatus::PendingReview,
            ReviewDecision::Approve,
            " launch day ",
            &conflicts,
        )
        .unwrap();
        assert_eq!(outcome.status, TouchStatus::Approved);
        assert_eq!(outcome.reason, "launch day");
        assert_eq!(outcome.overridden, [RuleId::DailyCap, RuleId::MinGap]);
    }

    #[test]
    fn consent_and_do_not_contact_are_never_overridden() {
        for rule in [RuleId::Consent, RuleId::DoNotContact] {
            let conflicts = [
                conflict(RuleId::MinGap, Severity::Block),
                conflict(rule, Severity::Block),
            ];
            let approve = |decision| {
                decide(
                    Role::Manager,
                    TouchStatus::PendingReview,
                    decision,
                    "ok",
                    &conflicts,
                )
            };
            assert_eq!(
                approve(ReviewDecision::Approve),
                Err(ReviewError::NotOverridable(rule))
            );
            assert_eq!(
                approve(ReviewDecision::Reject).map(|o| o.status),
                Ok(TouchStatus::Cancelled)
            );
        }
    }

    #[test]
    fn only_a_touch_still_ahead_is_approved_and_any_is_rejected() {
        let now: DateTime<Utc> = "2026-12-05T10:00:00Z".parse().unwrap();
        let ahead = now + chrono::TimeDelta::hours(1);
        let passed = now - chrono::TimeDelta::days(1);
        assert_eq!(still_due(ReviewDecision::Approve, ahead, now), Ok(()));
        assert_eq!(
            still_due(ReviewDecision::Approve, passed, now),
            Err(ReviewError::Passed)
        );
        assert_eq!(still_due(ReviewDecision::Reject, passed, now), Ok(()));
    }

    #[test]
    fn a_rejection_cancels_and_refusals_say_why() {
        let reject =
            |role, status, reason| decide(role, status, ReviewDecision::Reject, reason, &[]);
        let outcome = reject(Role::Admin, TouchStatus::PendingReview, "too much").unwrap();
        assert_eq!(outcome.status, TouchStatus::Cancelled);
        assert!(outcome.overridden.is_empty());
        assert_eq!(
            reject(Role::Rep, TouchStatus::PendingReview, "x"),
            Err(ReviewError::RoleNotAllowed(Role::Rep))
        );
        assert_eq!(
            reject(Role::Manager, TouchStatus::Planned, "x"),
            Err(ReviewError::NotPending(TouchStatus::Planned))
        );
        assert_eq!(
            reject(Role::Manager, TouchStatus::PendingReview, "  "),
            Err(ReviewError::ReasonRequired)
        );
    }
}
