//! Server functions: add a blackout date, and remove one after the page asked to confirm.

use crate::error::AppError;
use leptos::prelude::*;

/// Adds a blackout date from the form: `date` (YYYY-MM-DD), `name`, `channel` (empty: every
/// channel) and `team` (a team id; empty: every team). Answers a confirmation.
#[server(prefix = "/api", endpoint = "add_blackout")]
pub async fn add_blackout(
    date: String,
    name: String,
    channel: String,
    team: String,
) -> Result<String, AppError> {
    use crate::domain::compliance::Blackout;
    use crate::domain::ids::TeamId;
    use crate::domain::{Action, Channel};

    let (state, me) = crate::auth::require::allowed(Action::EditRules).await?;
    let parsed = (|| {
        let date = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
            .map_err(|_| "Choose a day, such as 2026-12-24.".to_owned())?;
        let channels = match channel.trim() {
            "" => Default::default(),
            text => [Channel::parse(text).map_err(|e| e.to_string())?].into(),
        };
        let teams = match team.trim() {
            "" => Default::default(),
            text => [TeamId(
                text.parse().map_err(|_| "Choose a team.".to_owned())?,
            )]
            .into(),
        };
        Ok::<_, String>(Blackout {
            date,
            name,
            channels,
            teams,
        })
    })()
    .map_err(AppError::Validation);
    let done = match parsed {
        Err(e) => Err(e),
        Ok(blackout) => {
            let (date, name) = (blackout.date, blackout.name.trim().to_owned());
            super::manage::add(&state, blackout, me.id, chrono::Utc::now())
                .await
                .map_err(AppError::from)
                .map(|_| {
                    format!(
                        "{} ({name}) is a blackout date: touches that day get a holiday conflict.",
                        date.format("%a %-d %b %Y")
                    )
                })
        }
    };
    crate::ui::flash::kept::<AddBlackout>(done).await
}

/// Removes the blackout date `date` named `name`.
#[server(prefix = "/api", endpoint = "remove_blackout")]
pub async fn remove_blackout(date: String, name: String) -> Result<String, AppError> {
    use crate::domain::Action;

    let (state, me) = crate::auth::require::allowed(Action::EditRules).await?;
    let day = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::Validation("Choose a day, such as 2026-12-24.".to_owned()))?;
    let done = super::manage::remove(&state, day, Some(&name), me.id, chrono::Utc::now())
        .await
        .map_err(AppError::from)
        .map(|_| format!("{} ({name}) is open again.", day.format("%a %-d %b %Y")));
    crate::ui::flash::kept::<RemoveBlackout>(done).await
}
