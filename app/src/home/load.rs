//! Server function: the start page's data for whoever is signed in.

use crate::error::AppError;
use crate::models::workspace::Workspace;
use leptos::prelude::*;

pub use crate::models::workspace::LISTED;

/// The viewer's workspace: their touches waiting for review, the decisions on theirs in the
/// last 14 days, their day, and what else their role looks after.
#[server(name = LoadWorkspace, prefix = "/api", endpoint = "workspace")]
pub async fn load_workspace() -> Result<Workspace, AppError> {
    let (state, user) = crate::auth::require::signed_in().await?;
    crate::store::workspace::load(&state.pool, &user, chrono::Utc::now())
        .await
        .map_err(|e| e.log_as_internal())
}
