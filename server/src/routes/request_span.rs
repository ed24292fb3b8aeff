//! Each request runs in a `request` span with an id (a counter per process), its method and
//! path, so that every log line a request causes can be told apart from another's.

use axum::http::Request;
use std::sync::atomic::{AtomicU64, Ordering};
use tower_http::trace::{MakeSpan, TraceLayer};
use tracing::Span;

/// Makes the span of one request.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestSpan;

static NEXT: AtomicU64 = AtomicU64::new(1);

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        tracing::info_span!(
            "request",
            id,
            method = %request.method(),
            path = %request.uri().path(),
        )
    }
}

/// The layer: a span per request; the request's start and end are logged at debug level (set
/// `CONCORD_LOG=info,tower_http=debug` to see them).
pub fn layer() -> TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    RequestSpan,
> {
    TraceLayer::new_for_http().make_span_with(RequestSpan)
}
