//! Server function: switch a rule pack on, or off after the page asked to confirm.

use crate::error::AppError;
use leptos::prelude::*;

/// Switches pack `id` (`us`, `ca`, `fr`, `uk`) on or off for the whole company; answers a
/// confirmation.
#[server(prefix = "/api", endpoint = "switch_pack")]
pub async fn switch_pack(id: String, enabled: bool) -> Result<String, AppError> {
    use crate::domain::compliance::PackId;
    use crate::domain::Action;

    let (state, me) = crate::auth::require::allowed(Action::EditRules).await?;
    let pack = PackId::parse(&id).map_err(|e| AppError::NotFound(e.to_string()))?;
    let done = super::manage::switch(&state, pack, enabled, me.id, chrono::Utc::now())
        .await
        .map_err(AppError::from)
        .map(|_| {
            let name = pack.pack().name;
            if enabled {
                format!("{name} is on: its rules now apply to every team's touches.")
            } else {
                format!("{name} is off: its rules no longer stop any touch.")
            }
        });
    crate::ui::flash::kept::<SwitchPack>(done).await
}
