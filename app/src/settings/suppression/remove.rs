//! Server function: take a suppression list out of force, after the page asked to confirm.

use crate::error::AppError;
use leptos::prelude::*;

/// Removes list `id`; answers a confirmation.
#[server(prefix = "/api", endpoint = "remove_suppression_list")]
pub async fn remove_suppression_list(id: i64, name: String) -> Result<String, AppError> {
    use crate::domain::Action;

    let (state, me) = crate::auth::require::allowed(Action::EditRules).await?;
    let done = crate::store::suppression::lists::remove(&state.pool, id, me.id, chrono::Utc::now())
        .await
        .map_err(AppError::from)
        .map(|()| format!("{name} is removed: its numbers and addresses are no longer blocked (unless another list holds them)."));
    crate::ui::flash::kept::<RemoveSuppressionList>(done).await
}
