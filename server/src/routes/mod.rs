//! The HTTP surface: pages and server functions (Leptos), the plain form posts, health, and the
//! session gate in front of them.

mod asset_cache;
mod auth_forms;
mod calendar_feed;
pub mod client;
mod contacts_csv;
mod contacts_export;
mod contacts_import;
mod flash;
mod gate;
mod headers;
mod health;
mod page_user;
mod refill;
mod request_span;
mod same_origin;
mod server_fn_status;
mod suppression_upload;

use crate::public_url::PublicUrl;
use app::{
    app::{shell, App},
    state::AppState,
};
use axum::{
    extract::DefaultBodyLimit,
    middleware,
    routing::{get, post},
    Router,
};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::OnceLock;
use tower_http::compression::CompressionLayer;
use tower_sessions::{cookie::SameSite, Expiry, SessionManagerLayer};

/// How long a session lasts without use.
const SESSION_IDLE_DAYS: i64 = 7;

/// The pages' routes, listed once per process. Listing runs the app while a process-wide flag
/// holds back resource loading, so a page that another server in this process began rendering
/// at that moment would wait forever (leptos-rs/leptos#4773). The integration tests start many
/// servers at once; the list depends only on [`App`].
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application router over `state`, with sessions kept in `sessions` and the front
/// end's hashed files in `assets`. With a public `https` address the session cookie is `Secure`
/// and named with the `__Host-` prefix (sent only to this host, over HTTPS, for every path).
pub fn router(
    state: AppState,
    sessions: crate::sessions::Sessions,
    public: Option<PublicUrl>,
    clients: client::ClientPolicy,
    assets: crate::assets::Assets,
) -> Router {
    let https = public.as_ref().is_some_and(PublicUrl::https);
    let session_layer = SessionManagerLayer::new(sessions)
        .with_name(if https {
            "__Host-concord_session"
        } else {
            "concord_session"
        })
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(https)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(
            tower_sessions::cookie::time::Duration::days(SESSION_IDLE_DAYS),
        ));
    let routes = page_routes();
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/auth/sign-in", post(auth_forms::sign_in))
        .route("/auth/sign-out", post(auth_forms::sign_out))
        .route("/calendar/{file}", get(calendar_feed::feed))
        .route("/contacts/export.csv", get(contacts_export::export))
        .route(
            "/contacts/import",
            post(contacts_import::import)
                .layer(DefaultBodyLimit::max(contacts_import::MAX_UPLOAD_BYTES)),
        )
        .route(
            "/settings/suppression",
            post(suppression_upload::upload)
                .layer(DefaultBodyLimit::max(suppression_upload::MAX_UPLOAD_BYTES)),
        )
        .route(
            "/hooks/{source_id}",
            post(crate::hooks::receive).layer(DefaultBodyLimit::max(crate::hooks::MAX_HOOK_BYTES)),
        )
        .merge(crate::api::router(state.config.api_rate_per_second))
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(middleware::from_fn(server_fn_status::map_status))
        .layer(middleware::from_fn(flash::hand_over))
        .layer(middleware::from_fn(refill::keep))
        .layer(middleware::from_fn_with_state(
            state.pool.clone(),
            gate::require_session,
        ))
        .layer(session_layer)
        .layer(middleware::from_fn_with_state(
            public.clone(),
            same_origin::require,
        ))
        .layer(middleware::from_fn_with_state(clients, client::identify))
        .layer(middleware::from_fn_with_state(public, headers::secure))
        .layer(middleware::from_fn_with_state(
            std::sync::Arc::new(assets),
            asset_cache::cache,
        ))
        .layer(CompressionLayer::new())
        .layer(request_span::layer())
        .with_state(state)
}
