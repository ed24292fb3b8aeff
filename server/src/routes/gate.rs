//! Every page but the sign-in page needs a session: without one, the browser is sent to sign
//! in and comes back afterwards. Server functions and the API check access themselves.

use app::auth::{next::safe_next, session::signed_in_user};
use app::store::db;
use axum::{
    extract::{Request, State},
    http::Method,
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use tower_sessions::Session;

/// Paths served to anyone: the sign-in form posts, server functions and the API (which
/// authorize themselves), the calendar feed (its token is in the path), the built assets, the
/// public files and health. Everything else is a page and needs a session.
fn is_public(path: &str) -> bool {
    const PREFIXES: [&str; 6] = [
        "/auth/",
        "/api/",
        "/hooks/",
        "/pkg/",
        "/healthz",
        "/robots.txt",
    ];
    let feed = path.starts_with("/calendar/") && path.ends_with(".ics");
    PREFIXES.iter().any(|p| path.starts_with(p)) || feed || path == "/favicon.ico"
}

/// The middleware: redirects page requests without a live session to `/sign-in?next=…`, and a
/// signed-in visit to `/sign-in` to where it was going.
pub async fn require_session(
    State(pool): State<db::Db>,
    session: Session,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let is_page = matches!(*request.method(), Method::GET | Method::HEAD);
    if !is_page || is_public(path) {
        return next.run(request).await;
    }
    // A session whose user was disabled or signed out everywhere is ended here.
    let signed_in = matches!(signed_in_user(&pool, &session).await, Ok(Some(_)));
    if path == "/sign-in" {
        if signed_in {
            let wanted = request
                .uri()
                .query()
                .and_then(|q| {
                    form_urlencoded::parse(q.as_bytes())
                        .find(|(k, _)| k == "next")
                        .map(|(_, v)| v.into_owned())
                })
                .unwrap_or_default();
            return Redirect::to(&safe_next(&wanted)).into_response();
        }
        return next.run(request).await;
    }
    if signed_in {
        return next.run(request).await;
    }
    let here = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("next", here)
        .finish();
    Redirect::to(&format!("/sign-in?{query}")).into_response()
}

#[cfg(test)]
mod tests {
    use super::is_public;

    #[test]
    fn pages_are_gated_and_assets_are_not() {
        assert!(!is_public("/"));
        assert!(!is_public("/contacts/12"));
        assert!(
            !is_public("/contacts/12.json"),
            "a dot does not make a page public"
        );
        assert!(is_public("/pkg/concord.wasm"));
        assert!(is_public("/calendar/concord_abc.ics"));
        assert!(
            !is_public("/calendar/touches/7"),
            "a touch's page is a page, not the feed"
        );
        assert!(is_public("/robots.txt"));
        assert!(is_public("/favicon.ico"));
        assert!(is_public("/healthz"));
        assert!(is_public("/api/sign_in"));
        assert!(is_public("/auth/sign-in"));
    }
}
