//! A token just issued waits in the session until the settings page shows it, once. This works
//! alike with JavaScript (the page reloads its data) and without (the form post redirects back).

#[cfg(feature = "ssr")]
use super::super::overview::FreshToken;
#[cfg(feature = "ssr")]
use crate::error::AppError;

#[cfg(feature = "ssr")]
const KEY: &str = "settings.fresh_token";

#[cfg(feature = "ssr")]
async fn session() -> Result<tower_sessions::Session, AppError> {
    leptos_axum::extract().await.map_err(|_| AppError::Internal)
}

/// Keeps the new token for the next load of the settings page.
#[cfg(feature = "ssr")]
pub async fn keep(token: &FreshToken) -> Result<(), AppError> {
    session()
        .await?
        .insert(KEY, token)
        .await
        .map_err(|_| AppError::Internal)
}

/// The token kept by [`keep`], removed from the session: it is shown only once.
#[cfg(feature = "ssr")]
pub async fn take() -> Result<Option<FreshToken>, AppError> {
    session()
        .await?
        .remove::<FreshToken>(KEY)
        .await
        .map_err(|_| AppError::Internal)
}
