//! Making a feed, shared by the profile page and `POST /api/v1/me/feeds`: the label is parsed,
//! a feed token generated, its digest stored, and the URL built on the address people reach
//! Concord at.

use super::IssuedFeed;
use crate::domain::{ids::UserId, label::parse_label};
use crate::error::AppError;
use crate::state::AppState;
use chrono::{DateTime, Utc};

/// The label a feed gets when none is given.
pub const DEFAULT_LABEL: &str = "calendar";

/// `scheme://host` for links: `--public-url` when set, else the host the request came to.
pub fn origin(state: &AppState, host: Option<&str>) -> String {
    match (&state.config.public_origin, host) {
        (Some(public), _) => public.clone(),
        (None, Some(host)) => format!("http://{host}"),
        (None, None) => format!("http://{}", state.config.addr),
    }
}

/// Makes a feed for `user`; `origin` starts its URL.
pub async fn issue(
    state: &AppState,
    user: UserId,
    label: Option<&str>,
    origin: &str,
    now: DateTime<Utc>,
) -> Result<IssuedFeed, AppError> {
    let label = parse_label("label", label.unwrap_or(DEFAULT_LABEL))?;
    let (token, digest) = crate::auth::token::generate_feed();
    let id = crate::store::feeds::create(&state.pool, user, &label, &digest, now)
        .await
        .map_err(|e| e.log_as_internal())?;
    Ok(IssuedFeed {
        id,
        label,
        url: format!("{origin}/calendar/{token}.ics"),
    })
}
