//! The REST API for external senders and integrations, under `/api/v1`, with bearer tokens,
//! JSON errors, a body limit, per-token rate limits and an OpenAPI document.

mod auth;
mod blackouts;
mod campaigns;
mod check;
mod claims;
mod contacts;
mod error;
mod events;
mod feeds;
mod import;
mod json;
mod lease;
mod openapi;
mod packs;
mod path;
mod query;
mod rate_limit;
mod reviews;
mod rules;
mod source_kinds;
mod sources;
mod suppression;
mod teams;
mod timeline;
mod tokens;
mod topics;
mod touch_change;
mod touches;
mod users;

pub use auth::Caller;
pub use error::{ApiError, ErrorBody};
pub use json::ApiJson;
pub use path::ApiPath;
pub use query::ApiQuery;

use app::state::AppState;
use axum::{
    extract::DefaultBodyLimit,
    routing::{delete, get, patch, post, put},
    Extension, Router,
};

/// The largest JSON body the API reads.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The API's routes, to be merged into the application router.
pub fn router(requests_per_second: u32) -> Router<AppState> {
    let v1 = Router::new()
        .route("/teams", post(teams::create))
        .route("/users", post(users::create).get(users::list))
        .route("/users/{id}", patch(users::patch))
        .route("/tokens", post(tokens::create))
        .route("/tokens/{id}", delete(tokens::revoke))
        .route("/me/feeds", post(feeds::create).get(feeds::list))
        .route("/me/feeds/{id}", delete(feeds::revoke))
        .route("/contacts", post(contacts::create))
        .route(
            "/contacts/import",
            post(import::import).layer(DefaultBodyLimit::max(import::MAX_CSV_BYTES)),
        )
        .route("/contacts/{id}", get(contacts::get).patch(contacts::patch))
        .route("/contacts/{id}/timeline", get(timeline::get))
        .route(
            "/contacts/{id}/claim",
            post(claims::claim).delete(claims::release),
        )
        .route("/touches", post(touches::create).get(touches::list))
        .route("/touches/lease", post(lease::lease))
        .route("/touches/log", post(touches::log))
        .route("/touches/{id}", patch(touches::patch))
        .route("/sources", post(sources::create).get(sources::list))
        .route("/sources/{id}", delete(sources::disable))
        .route("/sources/{id}/rotate", post(sources::rotate))
        .route("/dead-letters", get(sources::dead_letters))
        .route("/dead-letters/{id}/replay", post(sources::replay))
        .route("/check", post(check::check))
        .route("/campaigns", post(campaigns::create))
        .route("/campaigns/preview", post(campaigns::preview))
        .route("/events", post(events::ingest))
        .route("/reviews/{touch_id}", post(reviews::decide))
        .route("/rules", get(rules::list))
        .route("/rules/{id}", put(rules::put))
        .route("/rule-packs", get(packs::list))
        .route("/rule-packs/{id}", patch(packs::patch))
        .route(
            "/rule-packs/{id}/rules/{key}",
            patch(packs::edit_rule).delete(packs::reset_rule),
        )
        .route("/blackouts", get(blackouts::list).post(blackouts::create))
        .route("/blackouts/{date}", delete(blackouts::delete))
        .route("/topics", get(topics::list).post(topics::create))
        .route(
            "/suppression-lists",
            get(suppression::list)
                .post(suppression::import)
                .layer(DefaultBodyLimit::max(suppression::MAX_LIST_BYTES)),
        )
        .route("/suppression-lists/{id}", delete(suppression::remove))
        .fallback(error::not_found)
        .layer(Extension(rate_limit::Limiter::per_token(
            requests_per_second,
        )))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    Router::new()
        .nest("/api/v1", v1)
        .route("/api/openapi.json", get(openapi::document))
}
