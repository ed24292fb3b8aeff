//! Server function: the pressure dashboard's numbers for a date range and team.

use crate::models::named_contact::NamedContact;
use crate::{error::AppError, ui::charts::Datum};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Everything the dashboard draws.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PressureData {
    /// The first day shown (YYYY-MM-DD).
    pub from: String,
    /// The last day shown.
    pub to: String,
    /// The team filter.
    pub team: Option<i64>,
    /// Every team, for the filter.
    pub teams: Vec<(i64, String)>,
    /// Contact-weeks by number of touches.
    pub per_week: Vec<Datum>,
    /// Conflicts by rule.
    pub by_rule: Vec<Datum>,
    /// Conflicts by team.
    pub by_team: Vec<Datum>,
    /// Inbound interactions by time to answer.
    pub replies: Vec<Datum>,
    /// The first day of each week.
    pub weeks: Vec<String>,
    /// Ghosted contacts per week.
    pub ghosted: Vec<i64>,
    /// Breadcrumbed contacts per week.
    pub breadcrumbed: Vec<i64>,
    /// The latest ghosted contacts of the range, by name (at most [`NAMED`]).
    pub ghosted_names: Vec<NamedContact>,
    /// The latest breadcrumbed contacts of the range, by name (at most [`NAMED`]).
    pub breadcrumbed_names: Vec<NamedContact>,
    /// The viewer's zone, for the times of the lists.
    pub zone: crate::domain::TimeZone,
    /// When the numbers were read (a breadcrumb still to come reads differently).
    pub now: chrono::DateTime<chrono::Utc>,
}

/// How many ghosted and breadcrumbed contacts the dashboard names.
pub const NAMED: u32 = 20;

/// The dashboard for `from`..=`to` (dates in the viewer's zone; blank for two weeks back and
/// four ahead) and `team` (blank for all). Managers and admins.
#[server(prefix = "/api", endpoint = "pressure")]
pub async fn pressure(from: String, to: String, team: String) -> Result<PressureData, AppError> {
    use crate::domain::{ids::TeamId, Action};
    use crate::store::{directory, pressure as p};
    use chrono::{Duration, NaiveTime, Utc};
    use std::collections::BTreeMap;

    let (state, user) = crate::auth::require::allowed(Action::Oversee).await?;
    let zone = user.timezone;
    let now = Utc::now();
    let today = zone.local(now).date();
    let f = super::filters::parse(&from, &to, &team, today).map_err(AppError::Validation)?;
    let range = p::Range {
        from: zone.instant(f.from, NaiveTime::MIN),
        to: zone.instant(f.to + Duration::days(1), NaiveTime::MIN),
        team: f.team.map(TeamId),
    };
    let pool = &state.pool;
    let internal = |e: crate::store::StoreError| e.log_as_internal();
    let per_week = p::touches_per_contact_week(pool, range, 6)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|(n, count)| {
            Datum::new(
                if n >= 6 {
                    "6+".to_owned()
                } else {
                    n.to_string()
                },
                count,
            )
        })
        .collect();
    let conflicts = p::conflicts(pool, range).await.map_err(internal)?;
    let mut by_rule: BTreeMap<String, i64> = BTreeMap::new();
    let mut by_team: BTreeMap<String, i64> = BTreeMap::new();
    for c in conflicts {
        *by_rule.entry(c.rule).or_default() += c.count;
        *by_team.entry(c.team).or_default() += c.count;
    }
    let sorted = |m: BTreeMap<String, i64>| {
        let mut v: Vec<Datum> = m.into_iter().map(|(k, n)| Datum::new(k, n)).collect();
        v.sort_by(|a, b| b.value.cmp(&a.value).then(a.label.cmp(&b.label)));
        v
    };
    let replies = p::reply_times(pool, range)
        .await
        .map_err(internal)?
        .into_iter()
        .zip(p::REPLY_BUCKETS)
        .map(|(n, label)| Datum::new(label, n))
        .collect();
    let trends = p::weekly_trends(pool, range, now).await.map_err(internal)?;
    let (ghosted_names, breadcrumbed_names) =
        p::named(pool, range, now, NAMED).await.map_err(internal)?;
    let weeks = (0..trends.len())
        .map(|w| {
            (f.from + Duration::weeks(w as i64))
                .format("%-d %b")
                .to_string()
        })
        .collect();
    let teams = directory::teams(pool)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|t| (t.id.0, t.name))
        .collect();
    Ok(PressureData {
        from: f.from.to_string(),
        to: f.to.to_string(),
        team: f.team,
        teams,
        per_week,
        by_rule: sorted(by_rule),
        by_team: sorted(by_team),
        replies,
        weeks,
        ghosted: trends.iter().map(|t| t.ghosted).collect(),
        breadcrumbed: trends.iter().map(|t| t.breadcrumbed).collect(),
        ghosted_names,
        breadcrumbed_names,
        zone,
        now,
    })
}
