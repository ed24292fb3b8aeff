//! Server function: the lists in force, for the suppression page.

use crate::error::AppError;
use crate::models::suppression_list::ListView;
use leptos::prelude::*;

/// Loads the lists in force with their warnings as of the admin's today; admins only.
#[server(prefix = "/api", endpoint = "suppression_overview")]
pub async fn suppression_overview() -> Result<Vec<ListView>, AppError> {
    use crate::domain::Action;

    let (state, me) = crate::auth::require::allowed(Action::EditRules).await?;
    let today = me.timezone.local(chrono::Utc::now()).date();
    crate::store::suppression::lists::in_force(&state.pool, today)
        .await
        .map_err(|e| e.log_as_internal())
}
