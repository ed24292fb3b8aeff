//! Signing in: one check shared by the hydrated form (a server function) and the plain HTML
//! form post (an axum handler in the server crate).

use crate::error::AppError;
use leptos::prelude::*;

/// Server function behind the hydrated sign-in form. Answers where to go next.
#[server(prefix = "/api", endpoint = "sign_in")]
pub async fn sign_in(email: String, password: String, next: String) -> Result<String, AppError> {
    use super::client_ip::ClientIp;

    let state = crate::state::app_state()?;
    let session: tower_sessions::Session = leptos_axum::extract()
        .await
        .map_err(|_| AppError::Internal)?;
    let address = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ClientIp>().copied())
        .map(|ClientIp(ip)| ip);
    ssr::attempt(&state, &session, address, &email, &password).await?;
    Ok(super::next::safe_next(&next))
}

/// The message shown for a failed sign-in, from an error or from the `error` query code the
/// plain form post redirects with.
pub fn failure_message(error: &AppError) -> String {
    match error {
        AppError::TooManyAttempts(seconds) => format!(
            "Too many failed sign-ins. Try again in {} minutes.",
            seconds.div_ceil(60).max(1)
        ),
        AppError::Validation(message) => message.clone(),
        other => other.to_string(),
    }
}

/// The message for `?error=<code>&wait=<seconds>` after a plain form post.
pub fn failure_message_for_code(code: &str, wait: Option<u64>) -> String {
    match code {
        "throttled" => failure_message(&AppError::TooManyAttempts(wait.unwrap_or(60))),
        "missing" => MISSING.to_owned(),
        "server" => failure_message(&AppError::Internal),
        _ => WRONG.to_owned(),
    }
}

/// Shown when the email or password is wrong (never says which).
pub const WRONG: &str = "Wrong email or password.";
/// Shown when a field is empty.
pub const MISSING: &str = "Enter your email and your password.";

/// The `error` query code for a failed attempt, for the plain form post's redirect.
pub fn failure_code(error: &AppError) -> (&'static str, Option<u64>) {
    match error {
        AppError::TooManyAttempts(seconds) => ("throttled", Some(*seconds)),
        AppError::Validation(m) if m == MISSING => ("missing", None),
        AppError::Validation(_) => ("invalid", None),
        _ => ("server", None),
    }
}

/// The server-side check, shared by both ways of signing in.
#[cfg(feature = "ssr")]
pub mod ssr {
    use super::{MISSING, WRONG};
    use crate::{
        auth::{password, session, throttle},
        error::AppError,
        state::AppState,
        store::users,
    };
    use chrono::Utc;
    use std::{net::IpAddr, sync::LazyLock};
    use tower_sessions::Session;

    /// A real hash of a random password, verified when the account does not exist so that
    /// unknown and known accounts take the same time to refuse.
    static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
        let random = format!("{:?}", std::time::SystemTime::now());
        password::hash(&random).unwrap_or_default()
    });

    /// Checks the credentials under the throttle and, when they match, signs the session in.
    #[tracing::instrument(skip_all)]
    pub async fn attempt(
        state: &AppState,
        session: &Session,
        address: Option<IpAddr>,
        email: &str,
        password: &str,
    ) -> Result<(), AppError> {
        let email = email.trim().to_lowercase();
        if email.is_empty() || password.is_empty() {
            return Err(AppError::Validation(MISSING.into()));
        }
        let account_key = format!("account:{email}");
        let address_key = address.map(|a| format!("address:{a}"));
        let started = Utc::now();
        start_attempt(state, &account_key, address_key.as_deref(), started).await?;

        let found = users::credentials(&state.pool, &email)
            .await
            .map_err(|e| e.log_as_internal())?;
        let stored = found
            .as_ref()
            .map_or_else(|| DUMMY_HASH.clone(), |c| c.password_hash.clone());
        let matches = password::verify_off_runtime(password.to_owned(), stored).await?;
        let signed_in = match found {
            Some(credentials) if matches => {
                let others: Vec<&str> = address_key.as_deref().into_iter().collect();
                state
                    .sign_in_throttle
                    .succeeded(&account_key, &others, started)
                    .await?;
                Some(credentials)
            }
            _ => None,
        };
        match signed_in {
            Some(credentials) => {
                tracing::info!(user.id = %credentials.id, "signed in");
                session::sign_in(session, credentials.id, credentials.epoch).await
            }
            None => {
                tracing::info!("failed sign-in");
                Err(AppError::Validation(WRONG.into()))
            }
        }
    }

    /// Counts the attempt against the account and the address before the password is
    /// checked, or refuses it with the wait.
    async fn start_attempt(
        state: &AppState,
        account_key: &str,
        address_key: Option<&str>,
        now: chrono::DateTime<Utc>,
    ) -> Result<(), AppError> {
        let mut keys = vec![(account_key, throttle::ACCOUNT_LIMIT)];
        keys.extend(address_key.map(|k| (k, throttle::ADDRESS_LIMIT)));
        state
            .sign_in_throttle
            .attempt(&keys, now)
            .await?
            .map_err(|wait| AppError::TooManyAttempts(wait.num_seconds().max(1) as u64))
    }
}
