//! Server function: the signed-in user sets the zone they read times in.

use crate::error::AppError;
use leptos::prelude::*;

/// Sets the caller's own time zone (an IANA name such as `Europe/Berlin`); answers its name.
#[server(prefix = "/api", endpoint = "set_my_timezone")]
pub async fn set_my_timezone(zone: String) -> Result<String, AppError> {
    let (state, user) = crate::auth::require::signed_in().await?;
    let zone = crate::domain::TimeZone::parse(zone.trim()).map_err(|_| {
        AppError::Validation(format!(
            "time zone: {:?} is not a time zone Concord knows; use a name like Europe/Berlin or America/New_York",
            zone.trim()
        ))
    })?;
    crate::store::users::set_timezone(&state.pool, user.id, zone)
        .await
        .map_err(|e| e.log_as_internal())?;
    crate::ui::flash::kept::<SetMyTimezone>(Ok(zone.name().to_owned())).await
}
