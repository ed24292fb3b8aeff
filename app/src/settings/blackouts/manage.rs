//! Adding and removing blackout dates: the `blackouts` entry of the rules, changed from what is
//! stored (two admins' changes both stand), with an audit row through the rule save.

use crate::domain::compliance::blackouts::BlackoutError;
use crate::domain::compliance::{Blackout, Blackouts};
use crate::domain::ids::UserId;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::rules::RuleSaveError;
use crate::store::Failure;
use chrono::{DateTime, Days, NaiveDate, Utc};

/// Why a blackout date was not changed.
#[derive(Debug, thiserror::Error)]
pub enum BlackoutChange {
    /// The date is refused as given.
    #[error(transparent)]
    Invalid(#[from] BlackoutError),
    /// The day has passed everywhere.
    #[error("{0} has passed: a blackout date must be today or later.")]
    Past(NaiveDate),
    /// A team that does not exist.
    #[error("There is no team {0}.")]
    UnknownTeam(crate::domain::ids::TeamId),
    /// Nothing to remove.
    #[error("There is no blackout date on {0}.")]
    NotFound(NaiveDate),
    /// The save was refused (another admin kept changing it).
    #[error(transparent)]
    Save(#[from] RuleSaveError),
}

impl From<BlackoutChange> for AppError {
    fn from(error: BlackoutChange) -> AppError {
        match error {
            BlackoutChange::Save(save) => save.into(),
            BlackoutChange::NotFound(_) => AppError::NotFound(error.to_string()),
            other => AppError::Validation(other.to_string()),
        }
    }
}

const ENTRY: &str = "blackouts";

/// Adds `blackout` (today or later in some zone); answers every blackout date now kept.
pub async fn add(
    state: &AppState,
    mut blackout: Blackout,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<Blackouts, Failure<BlackoutChange>> {
    let earliest = now.date_naive().checked_sub_days(Days::new(1));
    if earliest.is_some_and(|day| blackout.date < day) {
        return Err(Failure::Refused(BlackoutChange::Past(blackout.date)));
    }
    blackout.name = blackout.name.trim().to_owned();
    let teams = crate::store::directory::teams(&state.pool).await?;
    if let Some(unknown) = blackout
        .teams
        .iter()
        .find(|id| teams.iter().all(|t| t.id != **id))
    {
        return Err(Failure::Refused(BlackoutChange::UnknownTeam(*unknown)));
    }
    crate::settings::entry::update(state, ENTRY, actor, now, |rules| {
        let mut days = rules.blackouts.clone();
        days.add(blackout.clone())?;
        Ok(days)
    })
    .await
}

/// Removes every blackout on `date` (only those named `name` when one is given).
pub async fn remove(
    state: &AppState,
    date: NaiveDate,
    name: Option<&str>,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<Blackouts, Failure<BlackoutChange>> {
    crate::settings::entry::update(state, ENTRY, actor, now, |rules| {
        let mut days = rules.blackouts.clone();
        let before = days.days.len();
        days.days
            .retain(|b| b.date != date || name.is_some_and(|n| n != b.name));
        if days.days.len() == before {
            return Err(BlackoutChange::NotFound(date));
        }
        Ok(days)
    })
    .await
}
