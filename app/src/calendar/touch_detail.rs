//! Server function: one touch as its calendar page shows it, in the viewer's zone.

use crate::domain::TimeZone;
use crate::error::AppError;
use crate::records::TouchRecord;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A touch with the names and local times its page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TouchDetail {
    /// The touch.
    pub touch: TouchRecord,
    /// The contact's name.
    pub contact_name: String,
    /// The sending team's name.
    pub team: String,
    /// The viewer's zone.
    pub zone: TimeZone,
    /// Why the viewer may not move or cancel it, if they may not.
    pub locked: Option<String>,
}

/// Touch `id` for its page.
#[server(prefix = "/api", endpoint = "calendar_touch")]
pub async fn load_touch(id: i64) -> Result<TouchDetail, AppError> {
    use crate::domain::ids::TouchId;
    use crate::domain::Action;
    use crate::store::{contacts::get_contact, teams, touches::get_touch};

    let (state, user) = crate::auth::require::allowed(Action::Plan).await?;
    let internal = |e: crate::store::StoreError| e.log_as_internal();
    let touch = get_touch(&state.pool, TouchId(id))
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::NotFound("no such touch".into()))?;
    let contact_name = get_contact(&state.pool, touch.contact_id, chrono::Utc::now())
        .await
        .map_err(internal)?
        .map(|c| c.name)
        .unwrap_or_default();
    let team = teams::name(&state.pool, touch.team_id)
        .await
        .map_err(internal)?
        .unwrap_or_default();
    let locked = crate::domain::lifecycle::may_change(touch.status)
        .err()
        .map(|e| {
            let why = crate::ui::error_text(&AppError::from(e));
            format!("{why}: it has nothing left to move or cancel.")
        })
        .or_else(|| {
            user.actor()
                .may_change_touch(touch.author_id)
                .err()
                .map(|_| "Only its author or a manager can move or cancel this touch.".to_owned())
        });
    Ok(TouchDetail {
        touch,
        contact_name,
        team,
        zone: user.timezone,
        locked,
    })
}
