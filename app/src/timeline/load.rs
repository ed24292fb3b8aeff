//! Server function: everything the contact timeline page shows.

use crate::domain::ids::TeamId;
use crate::domain::TimeZone;
use crate::error::AppError;
use crate::models::leads::Viewer;
use crate::records::Timeline;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The timeline of one contact over the shown range, with what the page needs around it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineView {
    /// The contact, its touches and interactions in the range, and its alerts.
    pub timeline: Timeline,
    /// Every team, for names and the plan form's picker.
    pub teams: Vec<(TeamId, String)>,
    /// The viewer's zone: every time on the page is in it.
    pub viewer_zone: TimeZone,
    /// The viewer's team, the plan form's default.
    pub viewer_team: TeamId,
    /// The first local day shown.
    pub start: NaiveDate,
    /// The range shown, `[from, to)`.
    pub from: DateTime<Utc>,
    /// The end of the range.
    pub to: DateTime<Utc>,
    /// When the page was read.
    pub now: DateTime<Utc>,
    /// The consent topics, `(id, name)`, for the plan form.
    pub topics: Vec<(String, String)>,
    /// Who reads the page, for the claim actions it offers.
    pub viewer: Viewer,
    /// Whether the viewer has asked the managers for this contact and awaits their decision.
    pub requested: bool,
}

impl TimelineView {
    /// A team's name (or its id when it is unknown).
    pub fn team_name(&self, id: TeamId) -> String {
        self.teams
            .iter()
            .find(|(team, _)| *team == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| format!("team {}", id.0))
    }
}

/// The contact's timeline over eight weeks from `from` (a local date, `2026-11-01`; default
/// four weeks before today).
#[server(name = LoadTimeline, prefix = "/api", endpoint = "load_timeline")]
pub async fn load_timeline(
    contact_id: i64,
    from: Option<String>,
) -> Result<TimelineView, AppError> {
    use super::range::{bounds, parse_start, start_around};
    use crate::domain::{ids::ContactId, Action};
    let (state, user) = crate::auth::require::allowed(Action::Plan).await?;
    let now = Utc::now();
    let zone = user.timezone;
    let start = match from.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(text) => parse_start(text).ok_or_else(|| {
            AppError::Validation(format!(
                "from: expected a date such as 2026-11-01, got {text:?}"
            ))
        })?,
        None => start_around(now, zone),
    };
    let (range_from, range_to) = bounds(start, zone);
    let timeline = crate::store::timeline::timeline(
        &state.pool,
        ContactId(contact_id),
        range_from,
        range_to,
        now,
    )
    .await
    .map_err(|e| e.log_as_internal())?
    .ok_or_else(|| AppError::NotFound(format!("there is no contact {contact_id}")))?;
    let teams = crate::store::teams::all(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?;
    let topics = crate::store::consent::topics::list(&state.pool)
        .await
        .map_err(|e| e.log_as_internal())?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let requested =
        crate::store::claims::has_open_request(&state.pool, ContactId(contact_id), user.id)
            .await
            .map_err(|e| e.log_as_internal())?;
    Ok(TimelineView {
        viewer: Viewer {
            id: user.id,
            role: user.role,
            zone,
            now,
        },
        requested,
        topics,
        timeline,
        teams,
        viewer_zone: zone,
        viewer_team: user.team_id,
        start,
        from: range_from,
        to: range_to,
        now,
    })
}
