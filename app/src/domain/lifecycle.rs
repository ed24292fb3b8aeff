//! Where a stored touch may go next: rescheduling and cancelling (with optimistic concurrency),
//! the status a re-check gives, and what delivery events do.

use super::str_enum::str_enum;
use super::vocabulary::TouchStatus;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a change to a touch was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Error)]
pub enum TouchChangeError {
    /// No such touch.
    #[error("no such touch")]
    NotFound,
    /// The client saw an older version; nothing was changed.
    #[error("the touch was changed by someone else (now at version {current}); reload it")]
    StaleVersion {
        /// The version now stored.
        current: i64,
    },
    /// A sent, cancelled or failed touch cannot change any more.
    #[error("a {0} touch cannot be changed")]
    Final(TouchStatus),
    /// The actor may not change someone else's touch.
    #[error(transparent)]
    Forbidden(#[from] super::permission::Forbidden),
    /// A move to a time that has passed.
    #[error("scheduled_at: {0}")]
    InThePast(#[from] super::planning_time::InThePast),
}

str_enum! {
    /// A delivery event an external sender reports about a touch.
    pub enum DeliveryKind ("event type") {
        /// The touch went out.
        Sent = "sent",
        /// It reached the contact.
        Delivered = "delivered",
        /// It could not be sent.
        Failed = "failed",
    }
}

/// Whether a touch in `status` may still be moved or cancelled.
pub fn may_change(status: TouchStatus) -> Result<(), TouchChangeError> {
    match status {
        TouchStatus::Sent | TouchStatus::Cancelled | TouchStatus::Failed => {
            Err(TouchChangeError::Final(status))
        }
        _ => Ok(()),
    }
}

/// Checks the version the client read against the stored one.
pub fn check_version(stored: i64, expected: i64) -> Result<(), TouchChangeError> {
    if stored == expected {
        Ok(())
    } else {
        Err(TouchChangeError::StaleVersion { current: stored })
    }
}

/// The status a (re)checked touch is stored with: `pending_review` when a rule blocks it.
pub fn status_after_check(blocked: bool) -> TouchStatus {
    if blocked {
        TouchStatus::PendingReview
    } else {
        TouchStatus::Planned
    }
}

/// The status after a delivery event: sent or delivered mean it went out, failed that it did
/// not; a failure reported after the touch was sent does not undo it. `None` for a touch that
/// was not going out (a draft, one awaiting review, a cancelled one): no sender may report it.
pub fn status_after_delivery(status: TouchStatus, kind: DeliveryKind) -> Option<TouchStatus> {
    if !matches!(
        status,
        TouchStatus::Planned | TouchStatus::Approved | TouchStatus::Sent | TouchStatus::Failed
    ) {
        return None;
    }
    Some(match kind {
        DeliveryKind::Sent | DeliveryKind::Delivered => TouchStatus::Sent,
        DeliveryKind::Failed if status == TouchStatus::Sent => TouchStatus::Sent,
        DeliveryKind::Failed => TouchStatus::Failed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_touches_do_not_change_and_versions_must_match() {
        assert_eq!(may_change(TouchStatus::PendingReview), Ok(()));
        assert_eq!(
            may_change(TouchStatus::Sent),
            Err(TouchChangeError::Final(TouchStatus::Sent))
        );
        assert_eq!(
            check_version(4, 3),
            Err(TouchChangeError::StaleVersion { current: 4 })
        );
    }

    #[test]
    fn delivery_events_move_the_status() {
        use DeliveryKind::*;
        assert_eq!(status_after_check(true), TouchStatus::PendingReview);
        assert_eq!(
            status_after_delivery(TouchStatus::Planned, Sent),
            Some(TouchStatus::Sent)
        );
        assert_eq!(
            status_after_delivery(TouchStatus::Approved, Delivered),
            Some(TouchStatus::Sent)
        );
        assert_eq!(
            status_after_delivery(TouchStatus::Planned, Failed),
            Some(TouchStatus::Failed)
        );
        assert_eq!(
            status_after_delivery(TouchStatus::Sent, Failed),
            Some(TouchStatus::Sent)
        );
    }

    #[test]
    fn a_touch_that_was_not_going_out_cannot_be_reported_sent() {
        for status in [
            TouchStatus::Cancelled,
            TouchStatus::PendingReview,
            TouchStatus::Draft,
        ] {
            for &kind in DeliveryKind::ALL {
                assert_eq!(status_after_delivery(status, kind), None, "{status} {kind}");
            }
        }
    }
}
