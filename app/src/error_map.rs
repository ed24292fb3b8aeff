//! How each per-operation refusal crosses the wire: which [`AppError`] (and so which HTTP
//! status) it becomes. Written once here so the REST API and the pages agree.

use crate::domain::claims::ClaimError;
use crate::domain::lifecycle::TouchChangeError;
use crate::domain::review::ReviewError;
use crate::domain::{FieldError, Forbidden, Refused, RulesError};
use crate::error::AppError;

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> AppError {
        AppError::Validation(error.to_string())
    }
}

impl From<Forbidden> for AppError {
    fn from(refusal: Forbidden) -> AppError {
        AppError::Forbidden(refusal.to_string())
    }
}

impl From<Refused> for AppError {
    fn from(refused: Refused) -> AppError {
        match refused {
            Refused::Field(e) => e.into(),
            Refused::Forbidden(e) => e.into(),
        }
    }
}

impl From<RulesError> for AppError {
    fn from(error: RulesError) -> AppError {
        AppError::Validation(error.to_string())
    }
}

impl From<ClaimError> for AppError {
    fn from(error: ClaimError) -> AppError {
        let message = error.to_string();
        match error {
            ClaimError::AlreadyOwned { .. } | ClaimError::NotOwned => AppError::Conflict(message),
            ClaimError::NotOwner | ClaimError::RoleNotAllowed(_) => AppError::Forbidden(message),
            ClaimError::ReasonRequired => AppError::Validation(message),
            ClaimError::ContactNotFound
            | ClaimError::UserNotFound
            | ClaimError::RequestNotFound => AppError::NotFound(message),
        }
    }
}

impl From<ReviewError> for AppError {
    fn from(error: ReviewError) -> AppError {
        let message = error.to_string();
        match error {
            ReviewError::NotFound => AppError::NotFound(message),
            ReviewError::NotPending(_) | ReviewError::Passed | ReviewError::NotOverridable(_) => {
                AppError::Conflict(message)
            }
            ReviewError::ReasonRequired => AppError::Validation(message),
            ReviewError::RoleNotAllowed(_) => AppError::Forbidden(message),
        }
    }
}

impl From<TouchChangeError> for AppError {
    fn from(error: TouchChangeError) -> AppError {
        let message = error.to_string();
        match error {
            TouchChangeError::NotFound => AppError::NotFound(message),
            TouchChangeError::StaleVersion { .. } | TouchChangeError::Final(_) => {
                AppError::Conflict(message)
            }
            TouchChangeError::Forbidden(_) => AppError::Forbidden(message),
            TouchChangeError::InThePast(_) => AppError::Validation(message),
        }
    }
}

#[cfg(feature = "ssr")]
mod store_errors {
    use crate::domain::RulesError;
    use crate::error::AppError;
    use crate::store::campaigns::CampaignError;
    use crate::store::contacts::ContactError;
    use crate::store::events::EventError;
    use crate::store::touches::ScheduleError;

    impl From<ContactError> for AppError {
        fn from(error: ContactError) -> AppError {
            let message = error.to_string();
            match error {
                ContactError::NotFound => AppError::NotFound(message),
                ContactError::ExternalIdTaken | ContactError::StaleVersion { .. } => {
                    AppError::Conflict(message)
                }
                ContactError::Forbidden(_) => AppError::Forbidden(message),
                ContactError::Invalid(_) => AppError::Validation(message),
            }
        }
    }

    impl From<crate::store::campaigns::CancelCampaignError> for AppError {
        fn from(error: crate::store::campaigns::CancelCampaignError) -> AppError {
            use crate::store::campaigns::CancelCampaignError;
            let message = error.to_string();
            match error {
                CancelCampaignError::NotFound => AppError::NotFound(message),
                CancelCampaignError::AlreadyCancelled => AppError::Conflict(message),
                CancelCampaignError::Forbidden(_) => AppError::Forbidden(message),
            }
        }
    }

    impl From<crate::store::campaigns::MoveCampaignError> for AppError {
        fn from(error: crate::store::campaigns::MoveCampaignError) -> AppError {
            use crate::store::campaigns::MoveCampaignError;
            let message = error.to_string();
            match error {
                MoveCampaignError::NotFound => AppError::NotFound(message),
                MoveCampaignError::Cancelled => AppError::Conflict(message),
                MoveCampaignError::Forbidden(_) => AppError::Forbidden(message),
                MoveCampaignError::InThePast(_) => AppError::Validation(message),
                MoveCampaignError::Changed => AppError::Conflict(message),
            }
        }
    }

    impl From<ScheduleError> for AppError {
        fn from(error: ScheduleError) -> AppError {
            AppError::Validation(error.to_string())
        }
    }

    impl From<EventError> for AppError {
        fn from(error: EventError) -> AppError {
            AppError::Validation(error.to_string())
        }
    }

    impl From<crate::store::rules::RuleSaveError> for AppError {
        fn from(error: crate::store::rules::RuleSaveError) -> AppError {
            use crate::store::rules::RuleSaveError;
            match error {
                RuleSaveError::Invalid(RulesError::UnknownRule(id)) => {
                    AppError::NotFound(format!("there is no rule {id:?}"))
                }
                RuleSaveError::Invalid(e) => e.into(),
                stale @ RuleSaveError::Stale { .. } => AppError::Conflict(stale.to_string()),
            }
        }
    }

    impl From<crate::store::heavy::Busy> for AppError {
        fn from(busy: crate::store::heavy::Busy) -> AppError {
            AppError::Busy(busy.0)
        }
    }

    impl From<crate::store::heavy::TurnedAway> for AppError {
        fn from(refusal: crate::store::heavy::TurnedAway) -> AppError {
            use crate::store::heavy::TurnedAway;
            match refusal {
                TurnedAway::Busy(busy) => busy.into(),
                TurnedAway::RateLimited(seconds) => AppError::TooManyAttempts(seconds),
            }
        }
    }

    impl From<CampaignError> for AppError {
        fn from(error: CampaignError) -> AppError {
            AppError::Validation(error.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::UserId;
    use crate::domain::TouchStatus;

    #[test]
    fn refusals_map_to_the_statuses_design_names() {
        let owned = ClaimError::AlreadyOwned {
            owner: UserId(3),
            request: None,
        };
        assert_eq!(
            AppError::from(owned),
            AppError::Conflict("the contact is already owned by user 3".into())
        );
        assert!(matches!(
            AppError::from(TouchChangeError::StaleVersion { current: 2 }),
            AppError::Conflict(_)
        ));
        assert!(matches!(
            AppError::from(ReviewError::NotPending(TouchStatus::Sent)),
            AppError::Conflict(_)
        ));
        assert_eq!(
            AppError::from(FieldError::new("timezone", "unknown")),
            AppError::Validation("timezone: unknown".into())
        );
    }
}
