//! `POST /hooks/{source_id}`: the providers' own webhooks, received directly. The request is
//! verified by the source's scheme on the raw body (401 for a missing or wrong signature, 403
//! for a stale one), read (400 for a malformed body), then mapped onto the ledger in one
//! transaction — every event once, by the provider's id — and answered 200 once stored.
//! Nothing is stored for a request that fails before that.

mod ses;
pub mod verify;

use crate::api::ApiError;
use app::domain::senders::{self, Payload};
use app::state::AppState;
use app::store::senders::{get_source, ingest, HookReport};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::Json;
use bytes::Bytes;
use chrono::Utc;
use verify::{verify, Presented, Rejected};

/// The largest webhook body read (a SendGrid batch of 10 000 events is about 4 MB).
pub const MAX_HOOK_BYTES: usize = 16 * 1024 * 1024;

/// Receives one webhook request.
pub async fn receive(
    State(state): State<AppState>,
    Path(source_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Result<Json<HookReport>, ApiError> {
    let unknown = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "there is no such source",
        )
    };
    let id: i64 = source_id.parse().map_err(|_| unknown())?;
    let source = get_source(&state.pool, id)
        .await?
        .filter(|s| s.disabled_at.is_none())
        .ok_or_else(unknown)?;
    let now = Utc::now();
    if source.kind == app::domain::senders::SourceKind::Ses {
        let report = ses::receive(&state, &source, &body, now).await?;
        log(&source, &report);
        return Ok(Json(report));
    }
    let url = called_url(&state, &headers, &uri);
    check(&source, &headers, &body, &url, now)?;
    let payload = Payload {
        body: &body,
        query: uri.query().unwrap_or(""),
    };
    let signals = senders::parse(source.kind, payload, now)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_payload", e.0))?;
    let raw = String::from_utf8_lossy(&body);
    let report = ingest(&state.pool, &source, &signals, &raw, now).await?;
    log(&source, &report);
    Ok(Json(report))
}

fn log(source: &app::store::senders::Source, report: &HookReport) {
    tracing::info!(
        source.id = source.id,
        kind = %source.kind,
        recorded = report.recorded,
        duplicates = report.duplicates,
        dead_lettered = report.dead_lettered,
        "webhook received"
    );
}

/// Verifies the request by the source's scheme: 401 or 403 when it does not.
fn check(
    source: &app::store::senders::Source,
    headers: &HeaderMap,
    body: &[u8],
    url: &str,
    now: chrono::DateTime<Utc>,
) -> Result<(), ApiError> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let presented = Presented {
        body,
        header: &header,
        url,
        now,
    };
    verify(source, &presented).map_err(|rejected| match rejected {
        Rejected::BadSignature(why) => {
            ApiError::new(StatusCode::UNAUTHORIZED, "bad_signature", why.to_owned())
        }
        Rejected::Stale => ApiError::new(
            StatusCode::FORBIDDEN,
            "stale_signature",
            format!(
                "the signed timestamp is more than {} seconds from now: refused as a replay",
                verify::TOLERANCE_SECS
            ),
        ),
    })
}

/// The URL the provider called, as Twilio signs it: from `--public-url` when set, else from the
/// request's scheme and `Host`.
fn called_url(state: &AppState, headers: &HeaderMap, uri: &Uri) -> String {
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    if let Some(origin) = &state.config.public_origin {
        return format!("{origin}{path}");
    }
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let scheme = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("http");
    format!("{scheme}://{host}{path}")
}
