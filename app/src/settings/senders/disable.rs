//! Server function: switch a source off (after the page asked to confirm).

use crate::error::AppError;
use leptos::prelude::*;

/// Switches source `id` off: its hook answers 404 from now on.
#[server(prefix = "/api", endpoint = "disable_source")]
pub async fn disable_source(id: i64) -> Result<(), AppError> {
    use crate::domain::Action;

    let (state, me) = crate::auth::require::allowed(Action::ManageSources).await?;
    let done = super::manage::disable(&state.pool, id, me.id, chrono::Utc::now()).await;
    crate::ui::flash::kept::<DisableSource>(done).await
}
