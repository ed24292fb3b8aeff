//! Amazon SES through SNS at `/hooks/{source_id}`: the SNS message is read, its topic must be
//! the source's, its certificate URL must be on an SNS host, and its signature must verify
//! under that certificate — which an admin pastes once, since Concord fetches nothing a payload
//! names. A subscription confirmation is kept for the senders page to show its link (SNS
//! delivers nothing until someone opens it); a notification's SES events are ingested like any
//! provider's, once each by SNS's message id.

use crate::api::ApiError;
use app::domain::senders::{self, sns_signature, SnsEnvelope, SnsType};
use app::state::AppState;
use app::store::senders::{
    ingest, keep_sns_confirmation, mark_sns_confirmed, sns_certificate, want_sns_certificate,
    HookReport, Source,
};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};

/// Receives one SNS message for SES source `source`.
pub async fn receive(
    state: &AppState,
    source: &Source,
    body: &[u8],
    now: DateTime<Utc>,
) -> Result<HookReport, ApiError> {
    let envelope = senders::envelope(body)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_payload", e.0))?;
    let rejected = |why: String| ApiError::new(StatusCode::UNAUTHORIZED, "bad_signature", why);
    if Some(envelope.topic_arn.as_str()) != source.secret.as_deref() {
        return Err(rejected(format!(
            "the message is for topic {}, not this source's",
            envelope.topic_arn
        )));
    }
    if !senders::cert_url_allowed(&envelope.signing_cert_url) {
        return Err(rejected(
            "the signing certificate is not on an Amazon SNS host".to_owned(),
        ));
    }
    let raw = String::from_utf8_lossy(body);
    let Some(pem) = sns_certificate(&state.pool, &envelope.signing_cert_url).await? else {
        return unknown_certificate(state, source, &envelope, &raw).await;
    };
    sns_signature::verify(&envelope, &pem).map_err(|e| rejected(e.0))?;
    match envelope.kind {
        SnsType::SubscriptionConfirmation => {
            keep_sns_confirmation(&state.pool, source.id, &raw, None).await?;
            tracing::info!(source.id = source.id, "SNS subscription confirmation kept");
            Ok(HookReport::default())
        }
        SnsType::UnsubscribeConfirmation => {
            tracing::warn!(
                source.id = source.id,
                "SNS says the subscription was removed"
            );
            Ok(HookReport::default())
        }
        SnsType::Notification => {
            let signals = senders::signals(&envelope)
                .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_payload", e.0))?;
            let report = ingest(&state.pool, source, &signals, &raw, now).await?;
            mark_sns_confirmed(&state.pool, source.id, now).await?;
            Ok(report)
        }
    }
}

/// A message signed under a certificate Concord does not have: the senders page asks the admin
/// for it. A subscription confirmation is kept until then (it is verified once the certificate
/// is there); anything else is refused with 401, and SNS retries it.
async fn unknown_certificate(
    state: &AppState,
    source: &Source,
    envelope: &SnsEnvelope,
    raw: &str,
) -> Result<HookReport, ApiError> {
    let url = envelope.signing_cert_url.as_str();
    if envelope.kind == SnsType::SubscriptionConfirmation {
        keep_sns_confirmation(&state.pool, source.id, raw, Some(url)).await?;
        return Ok(HookReport::default());
    }
    want_sns_certificate(&state.pool, source.id, url).await?;
    Err(ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unknown_certificate",
        format!("Concord does not have the SNS certificate {url} yet: an admin adds it on the senders page"),
    ))
}
