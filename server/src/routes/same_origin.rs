//! Cross-site request forgery: a browser sends Concord's session cookie with any form post,
//! from any site. So every cookie-authenticated write (everything but GET, HEAD and OPTIONS,
//! and but bearer-token calls, which carry no cookie authority) must come from Concord's own
//! origin: the browser's `Sec-Fetch-Site` must say `same-origin`, or, from a browser that does
//! not send it, `Origin` must be Concord's (the `--public-url`, else the request's own host).
//! A request with neither header comes from no browser (a script, `curl`) and cannot be forged
//! by a web page.

use crate::public_url::PublicUrl;
use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Whether the request may go on.
pub fn allowed(method: &Method, headers: &HeaderMap, public: Option<&PublicUrl>) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if text(header::AUTHORIZATION.as_str()).is_some_and(|v| v.starts_with("Bearer ")) {
        return true;
    }
    if let Some(site) = text("sec-fetch-site") {
        return site == "same-origin";
    }
    match text(header::ORIGIN.as_str()) {
        None => true,
        Some(origin) => {
            let origin = origin.to_ascii_lowercase();
            match public {
                Some(public) => origin == public.origin(),
                None => text(header::HOST.as_str()).is_some_and(|host| {
                    let host = host.to_ascii_lowercase();
                    origin == format!("http://{host}") || origin == format!("https://{host}")
                }),
            }
        }
    }
}

/// The middleware: 403 for a write from another site, before anything runs.
pub async fn require(
    State(public): State<Option<PublicUrl>>,
    request: Request,
    next: Next,
) -> Response {
    if allowed(request.method(), request.headers(), public.as_ref()) {
        return next.run(request).await;
    }
    tracing::warn!(path = %request.uri().path(), "refused a cross-site write");
    (
        StatusCode::FORBIDDEN,
        "This request came from another site, so Concord refused it. Reload the page and try again.",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn writes_from_another_site_are_refused_and_the_rest_go_on() {
        let post = Method::POST;
        let host = [("host", "concord.test")];
        assert!(allowed(
            &Method::GET,
            &headers(&[("sec-fetch-site", "cross-site")]),
            None
        ));
        assert!(allowed(
            &post,
            &headers(&[("sec-fetch-site", "same-origin")]),
            None
        ));
        assert!(!allowed(
            &post,
            &headers(&[("sec-fetch-site", "cross-site")]),
            None
        ));
        assert!(!allowed(
            &post,
            &headers(&[("sec-fetch-site", "same-site")]),
            None
        ));
        let foreign = [("host", "concord.test"), ("origin", "https://evil.example")];
        assert!(!allowed(&post, &headers(&foreign), None));
        let own = [("host", "concord.test"), ("origin", "http://concord.test")];
        assert!(allowed(&post, &headers(&own), None));
        assert!(allowed(&post, &headers(&host), None), "no browser");
        let bearer = [
            ("authorization", "Bearer abc"),
            ("sec-fetch-site", "cross-site"),
        ];
        assert!(allowed(&post, &headers(&bearer), None));
        let public = PublicUrl::parse("https://concord.example.com").unwrap();
        let proxied = [
            ("host", "10.0.0.5:3000"),
            ("origin", "https://concord.example.com"),
        ];
        assert!(allowed(&post, &headers(&proxied), Some(&public)));
        assert!(!allowed(&post, &headers(&own), Some(&public)));
    }
}
