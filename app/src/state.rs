//! The one application state, reached by REST handlers through axum `State` and by server
//! functions through Leptos context.

use crate::store::db;
use crate::{
    auth::sign_in_throttle::SignInThrottle,
    error::AppError,
    store::{reader::Reader, rules_cache::RulesCache},
};
use db::Db;
use leptos::prelude::*;
use std::{net::SocketAddr, sync::Arc};

/// Settings the running server was started with.
#[derive(Clone, Debug)]
pub struct Config {
    /// The database Concord keeps its ledger in.
    pub db: crate::store::db::Location,
    /// The address Concord listens on.
    pub addr: SocketAddr,
    /// API requests a second allowed per token.
    pub api_rate_per_second: u32,
    /// `scheme://host` people reach Concord at (`--public-url`), for links Concord hands out
    /// such as calendar feed URLs; none: the request's own host.
    pub public_origin: Option<String>,
}

/// Everything a request handler may need: the database, the settings, Leptos' options and the
/// failed sign-in throttle (shared by every process on PostgreSQL).
#[derive(Clone, axum::extract::FromRef)]
pub struct AppState {
    /// The ledger's connection pool (SQLite or PostgreSQL).
    pub pool: Db,
    /// Synchronous read connections to the same file, for the send gate and token lookups.
    pub reader: Reader,
    /// The settings the server was started with.
    pub config: Arc<Config>,
    /// Leptos' rendering options (site root, output name, address).
    pub leptos_options: LeptosOptions,
    /// Failed sign-ins per account and per address.
    pub sign_in_throttle: SignInThrottle,
    /// The contact rules, read once per save.
    pub rules: RulesCache,
    /// The gate and connections of heavy work (previews, campaigns, imports, exports).
    pub heavy: crate::store::heavy::Heavy,
}

impl AppState {
    /// A state around an open, migrated pool and the heavy work's gate.
    pub fn new(
        pool: Db,
        heavy: crate::store::heavy::Heavy,
        config: Config,
        leptos_options: LeptosOptions,
    ) -> Self {
        Self {
            heavy,
            reader: Reader::new(&pool, &config.db),
            sign_in_throttle: SignInThrottle::for_pool(&pool),
            pool,
            config: Arc::new(config),
            leptos_options,
            rules: RulesCache::default(),
        }
    }
}

/// The state, from inside a server function. Fails (and logs) if the server forgot to provide it.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState is missing from the Leptos context");
        AppError::Internal
    })
}
