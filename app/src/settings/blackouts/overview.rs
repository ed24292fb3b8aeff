//! What the blackout dates page shows: each date in words (which channels, which teams, by
//! name), and the teams the form offers.

use crate::domain::compliance::Blackout;
use crate::error::AppError;
use crate::models::calendar::Choice;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One blackout date, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlackoutRow {
    /// The day.
    pub date: NaiveDate,
    /// Its name.
    pub name: String,
    /// "Every channel", or the channels it closes.
    pub channels: String,
    /// "Every team", or the teams it closes by name.
    pub teams: String,
    /// Whether the day is behind the viewer.
    pub past: bool,
}

/// The page's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlackoutsData {
    /// Every blackout date, by date.
    pub days: Vec<BlackoutRow>,
    /// The teams a date can be limited to.
    pub teams: Vec<Choice>,
    /// The viewer's today.
    pub today: NaiveDate,
}

/// `Every channel`, or `Calls, texts`.
pub fn channels_text(blackout: &Blackout) -> String {
    if blackout.channels.is_empty() {
        return "Every channel".to_owned();
    }
    let names: Vec<String> = blackout
        .channels
        .iter()
        .map(|c| {
            let noun = c.noun();
            let mut letters = noun.chars();
            letters
                .next()
                .map(|first| first.to_uppercase().chain(letters).collect())
                .unwrap_or_default()
        })
        .collect();
    names.join(", ")
}

/// Loads the blackout dates page; admins only.
#[server(prefix = "/api", endpoint = "blackouts_overview")]
pub async fn blackouts_overview() -> Result<BlackoutsData, AppError> {
    use crate::domain::Action;
    use crate::store::directory;

    let (state, me) = crate::auth::require::allowed(Action::EditRules).await?;
    let internal = |e: crate::store::StoreError| e.log_as_internal();
    let rules = state.rules.get(&state.pool).await.map_err(internal)?;
    let teams = directory::teams(&state.pool).await.map_err(internal)?;
    let team_name = |id: crate::domain::ids::TeamId| {
        teams
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| format!("a removed team ({id})"), |t| t.name.clone())
    };
    let today = me.timezone.local(chrono::Utc::now()).date();
    let days = rules
        .blackouts
        .days
        .iter()
        .map(|b| BlackoutRow {
            date: b.date,
            name: b.name.clone(),
            channels: channels_text(b),
            teams: if b.teams.is_empty() {
                "Every team".to_owned()
            } else {
                b.teams
                    .iter()
                    .map(|t| team_name(*t))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            past: b.date < today,
        })
        .collect();
    Ok(BlackoutsData {
        days,
        teams: teams
            .iter()
            .map(|t| Choice {
                id: t.id.0,
                name: t.name.clone(),
            })
            .collect(),
        today,
    })
}
