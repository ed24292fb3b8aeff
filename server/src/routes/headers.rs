//! Headers on every answer: no MIME sniffing, no framing by other sites, no full URLs in the
//! `Referer` sent elsewhere, a Content-Security-Policy (pages set their own, with the nonce of
//! their scripts; every other answer gets one that allows nothing), `Cache-Control: no-store`
//! on pages (they show what the signed-in user may see), and HSTS when Concord is reached over
//! HTTPS.

use crate::public_url::PublicUrl;
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

/// The policy of an answer that is not a page.
const NOTHING: &str = "default-src 'none'; frame-ancestors 'none'";

/// The middleware.
pub async fn secure(
    State(public): State<Option<PublicUrl>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name, value: &'static str| {
        headers
            .entry(name)
            .or_insert_with(|| HeaderValue::from_static(value));
    };
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "same-origin");
    set(headers, header::CONTENT_SECURITY_POLICY, NOTHING);
    let page = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if page {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if public.is_some_and(|p| p.https()) {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    response
}
