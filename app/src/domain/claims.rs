//! Ownership as a state machine: who may claim, release or reassign a contact, and when a claim
//! lapses or is renewed. Pure: the store reads the open claim, asks here, and writes the answer.

use super::contact::Claim;
use super::ids::{ClaimRequestId, UserId};
use super::{permission::Action, role::Role};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a claim operation was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Error)]
pub enum ClaimError {
    /// Someone else owns the contact; a claim request was filed for the managers when `request`
    /// is set.
    #[error("the contact is already owned by user {owner}")]
    AlreadyOwned {
        /// The current owner.
        owner: UserId,
        /// The claim request filed instead.
        request: Option<ClaimRequestId>,
    },
    /// The contact has no live owner.
    #[error("the contact is not owned")]
    NotOwned,
    /// Only the owner (or a manager) may do this.
    #[error("only the owner or a manager may release the claim")]
    NotOwner,
    /// This role may not do this.
    #[error("a {0} may not do this")]
    RoleNotAllowed(Role),
    /// A reassignment needs a reason.
    #[error("reason: a reason is required")]
    ReasonRequired,
    /// No such contact.
    #[error("no such contact")]
    ContactNotFound,
    /// No such user.
    #[error("no such user")]
    UserNotFound,
    /// No such claim request, or it was already decided.
    #[error("no such open claim request")]
    RequestNotFound,
}

/// What a claim attempt leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimDecision {
    /// A new claim, lasting until `expires_at`. Any open claim left is a lapsed one to end.
    Grant {
        /// When the new claim lapses unless renewed.
        expires_at: DateTime<Utc>,
    },
    /// The claimant already owns the contact: nothing changes.
    AlreadyYours,
}

/// Whether an open claim still holds at `now` (a claim past `expires_at` has lapsed, whether or
/// not the lapse job has ended it yet).
pub fn is_live(claim: &Claim, now: DateTime<Utc>) -> bool {
    claim.expires_at > now
}

/// The live claim among an open one, if any.
pub fn live(claim: Option<Claim>, now: DateTime<Utc>) -> Option<Claim> {
    claim.filter(|c| is_live(c, now))
}

/// Decides a claim by `claimant` (a rep or a manager) on a contact whose open claim is `open`.
pub fn decide_claim(
    open: Option<Claim>,
    claimant: UserId,
    role: Role,
    now: DateTime<Utc>,
    term: TimeDelta,
) -> Result<ClaimDecision, ClaimError> {
    if !role.may(Action::Claim) {
        return Err(ClaimError::RoleNotAllowed(role));
    }
    match live(open, now) {
        Some(claim) if claim.owner == claimant => Ok(ClaimDecision::AlreadyYours),
        Some(claim) => Err(ClaimError::AlreadyOwned {
            owner: claim.owner,
            request: None,
        }),
        None => Ok(ClaimDecision::Grant {
            expires_at: now + term,
        }),
    }
}

/// Decides whether `actor` may release the contact's claim: its owner or a manager may.
pub fn decide_release(
    open: Option<Claim>,
    actor: UserId,
    role: Role,
    now: DateTime<Utc>,
) -> Result<Claim, ClaimError> {
    let claim = live(open, now).ok_or(ClaimError::NotOwned)?;
    if claim.owner == actor || role.may(Action::ManageClaims) {
        Ok(claim)
    } else {
        Err(ClaimError::NotOwner)
    }
}

/// Decides a manager's reassignment to a new owner; returns when the new claim lapses.
pub fn decide_reassign(
    role: Role,
    reason: &str,
    now: DateTime<Utc>,
    term: TimeDelta,
) -> Result<DateTime<Utc>, ClaimError> {
    if !role.may(Action::ManageClaims) {
        return Err(ClaimError::RoleNotAllowed(role));
    }
    if reason.trim().is_empty() {
        return Err(ClaimError::ReasonRequired);
    }
    Ok(now + term)
}

/// Decides a manager's decline of a claim request: only a manager may, and with a reason.
pub fn decide_decline(role: Role, reason: &str) -> Result<(), ClaimError> {
    if !role.may(Action::ManageClaims) {
        return Err(ClaimError::RoleNotAllowed(role));
    }
    if reason.trim().is_empty() {
        return Err(ClaimError::ReasonRequired);
    }
    Ok(())
}

/// The new expiry when `author` does outbound work on a contact whose open claim is `open`:
/// only the live owner renews, and a renewal never shortens a claim.
pub fn renewal(
    open: Option<Claim>,
    author: UserId,
    now: DateTime<Utc>,
    term: TimeDelta,
) -> Option<DateTime<Utc>> {
    live(open, now)
        .filter(|claim| claim.owner == author)
        .map(|claim| claim.expires_at.max(now + term))
}

/// The instant a reported event renews its author's claim from: the event's own time, unless
/// it lies in the future (a sender's clock could then extend a claim with no work done) or so
/// far back that a renewal from it would already have run out.
pub fn event_renews_from(
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    term: TimeDelta,
) -> Option<DateTime<Utc>> {
    (at <= now && at + term > now).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + TimeDelta::hours(hours)
    }

    fn claim(owner: i64, expires: i64) -> Option<Claim> {
        Some(Claim {
            owner: UserId(owner),
            since: at(0),
            expires_at: at(expires),
        })
    }

    const TERM: TimeDelta = TimeDelta::days(14);

    #[test]
    fn an_unowned_or_lapsed_contact_is_granted() {
        let granted = ClaimDecision::Grant {
            expires_at: at(10) + TERM,
        };
        assert_eq!(
            decide_claim(None, UserId(1), Role::Rep, at(10), TERM),
            Ok(granted)
        );
        assert_eq!(
            decide_claim(claim(2, 10), UserId(1), Role::Rep, at(10), TERM),
            Ok(granted)
        );
    }

    #[test]
    fn an_owned_contact_is_refused_and_marketers_cannot_claim() {
        assert_eq!(
            decide_claim(claim(2, 11), UserId(1), Role::Rep, at(10), TERM),
            Err(ClaimError::AlreadyOwned {
                owner: UserId(2),
                request: None
            })
        );
        assert_eq!(
            decide_claim(claim(1, 11), UserId(1), Role::Rep, at(10), TERM),
            Ok(ClaimDecision::AlreadyYours)
        );
        assert_eq!(
            decide_claim(None, UserId(1), Role::Marketer, at(10), TERM),
            Err(ClaimError::RoleNotAllowed(Role::Marketer))
        );
    }

    #[test]
    fn the_owner_or_a_manager_releases() {
        assert!(decide_release(claim(1, 11), UserId(1), Role::Rep, at(10)).is_ok());
        assert!(decide_release(claim(1, 11), UserId(3), Role::Manager, at(10)).is_ok());
        assert_eq!(
            decide_release(claim(1, 11), UserId(2), Role::Rep, at(10)),
            Err(ClaimError::NotOwner)
        );
        assert_eq!(
            decide_release(claim(1, 10), UserId(1), Role::Rep, at(10)),
            Err(ClaimError::NotOwned)
        );
    }

    #[test]
    fn reassigning_needs_a_manager_and_a_reason() {
        assert_eq!(
            decide_reassign(Role::Rep, "x", at(0), TERM),
            Err(ClaimError::RoleNotAllowed(Role::Rep))
        );
        assert_eq!(
            decide_reassign(Role::Manager, " ", at(0), TERM),
            Err(ClaimError::ReasonRequired)
        );
        assert_eq!(
            decide_reassign(Role::Admin, "territory", at(0), TERM),
            Ok(at(0) + TERM)
        );
    }

    #[test]
    fn declining_a_request_needs_a_manager_and_a_reason() {
        assert_eq!(decide_decline(Role::Manager, "keeps the account"), Ok(()));
        assert_eq!(
            decide_decline(Role::Rep, "mine"),
            Err(ClaimError::RoleNotAllowed(Role::Rep))
        );
        assert_eq!(
            decide_decline(Role::Admin, "  "),
            Err(ClaimError::ReasonRequired)
        );
    }

    #[test]
    fn only_the_live_owner_renews_and_never_shortens() {
        assert_eq!(
            renewal(claim(1, 24), UserId(1), at(1), TERM),
            Some(at(1) + TERM)
        );
        assert_eq!(
            renewal(claim(1, 24 * 30), UserId(1), at(1), TERM),
            Some(at(24 * 30))
        );
        assert_eq!(renewal(claim(1, 24), UserId(2), at(1), TERM), None);
        assert_eq!(event_renews_from(at(1), at(2), TERM), Some(at(1)));
        assert_eq!(event_renews_from(at(3), at(2), TERM), None, "the future");
        let stale = at(2) - TERM;
        assert_eq!(event_renews_from(stale, at(2), TERM), None, "too old");
        assert_eq!(renewal(claim(1, 1), UserId(1), at(1), TERM), None);
    }
}
