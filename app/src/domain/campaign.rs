//! What a campaign does with one recipient, given the engine's decision about its touch and the
//! campaign's `on_conflict` choice (DESIGN, The contact policy: exclude, shift or review).

use super::policy::Decision;
use super::str_enum::str_enum;
use chrono::{DateTime, Utc};

str_enum! {
    /// What a campaign does with the recipients a rule blocks.
    pub enum OnConflict ("on_conflict") {
        /// Leave them out.
        Exclude = "exclude",
        /// Move their touch to their next allowed instant (within the horizon), else leave
        /// them out.
        Shift = "shift",
        /// Store their touch as `pending_review` and send the campaign to review.
        Review = "review",
    }
}

/// Where one recipient's touch goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Stored as `planned` at this instant (the campaign's, or a shifted one).
    Planned(DateTime<Utc>),
    /// Stored as `pending_review` at the campaign's instant.
    PendingReview(DateTime<Utc>),
    /// Not stored.
    Excluded,
}

/// Places a recipient's touch asked for `at`: unblocked touches are planned there; blocked
/// ones follow `on_conflict`, except that a touch blocked by a rule no manager may override
/// (consent, do-not-contact) is always left out. `next_allowed` is asked only when shifting a
/// blocked touch.
pub fn place(
    decision: Decision,
    overridable: bool,
    on_conflict: OnConflict,
    at: DateTime<Utc>,
    next_allowed: impl FnOnce() -> Option<DateTime<Utc>>,
) -> Placement {
    if decision != Decision::Block {
        return Placement::Planned(at);
    }
    if !overridable {
        return Placement::Excluded;
    }
    match on_conflict {
        OnConflict::Exclude => Placement::Excluded,
        OnConflict::Shift => next_allowed().map_or(Placement::Excluded, Placement::Planned),
        OnConflict::Review => Placement::PendingReview(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<Utc> {
        "2030-03-04T14:00:00Z".parse().unwrap()
    }

    fn later() -> Option<DateTime<Utc>> {
        Some("2030-03-05T09:00:00Z".parse().unwrap())
    }

    fn never() -> Option<DateTime<Utc>> {
        panic!("next_allowed asked for a touch that is not shifted")
    }

    #[test]
    fn touches_without_a_block_are_planned_whatever_the_choice() {
        for choice in OnConflict::ALL {
            assert_eq!(
                place(Decision::Allow, true, *choice, at(), never),
                Placement::Planned(at())
            );
            assert_eq!(
                place(Decision::Warn, true, *choice, at(), never),
                Placement::Planned(at())
            );
        }
    }

    #[test]
    fn blocked_touches_follow_the_choice() {
        use OnConflict::*;
        assert_eq!(
            place(Decision::Block, true, Exclude, at(), never),
            Placement::Excluded
        );
        assert_eq!(
            place(Decision::Block, true, Review, at(), never),
            Placement::PendingReview(at())
        );
        assert_eq!(
            place(Decision::Block, true, Shift, at(), later),
            Placement::Planned(later().unwrap())
        );
        assert_eq!(
            place(Decision::Block, true, Shift, at(), || None),
            Placement::Excluded
        );
    }

    #[test]
    fn a_block_no_manager_may_override_is_left_out_whatever_the_choice() {
        for choice in OnConflict::ALL {
            assert_eq!(
                place(Decision::Block, false, *choice, at(), never),
                Placement::Excluded,
                "{choice:?}"
            );
        }
    }

    #[test]
    fn choices_have_stable_names() {
        assert_eq!(OnConflict::parse("shift"), Ok(OnConflict::Shift));
        assert!(OnConflict::parse("send").is_err());
        assert_eq!(OnConflict::Review.as_str(), "review");
    }
}
