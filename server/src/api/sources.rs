//! Senders' webhooks, for admins: `POST /api/v1/sources` connects a provider account and
//! answers the URL to paste into it; `GET /api/v1/sources` lists them (never their secrets);
//! `POST /api/v1/sources/{id}/rotate` replaces the secret (the old one verifies for a day);
//! `DELETE /api/v1/sources/{id}` switches one off. `GET /api/v1/dead-letters` lists what
//! verified but could not be mapped; `POST /api/v1/dead-letters/{id}/replay` maps it again.

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::domain::senders::SourceKind;
use app::domain::{label::parse_label, Action};
use app::state::AppState;
use app::store::senders::{self, NewSecret, Source};
use axum::{extract::State, http::StatusCode, Json};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A source to connect.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSourceBody {
    /// `sendgrid`, `postmark`, `mailgun`, `twilio_sms`, `twilio_voice` or `aircall`.
    #[schema(example = "sendgrid")]
    pub kind: String,
    /// A name for people, e.g. "Marketing SendGrid".
    #[schema(example = "Marketing SendGrid", min_length = 1, max_length = 100)]
    pub label: String,
    /// The provider's verification secret (SendGrid's public key, Mailgun's signing key,
    /// Twilio's auth token, Postmark's `user:password`, Aircall's token). Never shown again.
    #[schema(min_length = 1)]
    pub secret: String,
}

/// A new secret for a source.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RotateBody {
    /// The new secret; the previous one keeps verifying for 24 hours.
    #[schema(min_length = 1)]
    pub secret: String,
}

/// A source as shown: never its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceBody {
    /// Its id.
    pub id: i64,
    /// The provider kind.
    pub kind: String,
    /// Its label.
    pub label: String,
    /// The path to give the provider (after Concord's address): `/hooks/{id}`.
    pub hook_path: String,
    /// What to do in the provider's console.
    pub instructions: String,
    /// Whether Concord keeps only a digest of the secret (a database copy alone does not reveal
    /// it); false where the scheme needs the key itself (HMAC keys, public keys).
    pub secret_stored_as_digest: bool,
    /// Until when the previous secret still verifies, after a rotation.
    pub previous_secret_until: Option<DateTime<Utc>>,
    /// When it was connected.
    pub created_at: DateTime<Utc>,
    /// When it was switched off.
    pub disabled_at: Option<DateTime<Utc>>,
}

impl SourceBody {
    fn from(source: &Source) -> Self {
        let hook_path = format!("/hooks/{}", source.id);
        SourceBody {
            id: source.id,
            kind: source.kind.as_str().to_owned(),
            label: source.label.clone(),
            instructions: source.kind.instructions(&hook_path),
            hook_path,
            secret_stored_as_digest: source.secret_digest.is_some(),
            previous_secret_until: source.previous.as_ref().map(|(_, _, until)| *until),
            created_at: source.created_at,
            disabled_at: source.disabled_at,
        }
    }
}

fn kind(text: &str) -> Result<SourceKind, ApiError> {
    let kind = SourceKind::parse(text).map_err(|e| ApiError::field("kind", e.to_string()))?;
    if kind == SourceKind::Ses {
        return Err(ApiError::field(
            "kind",
            "Amazon SES (through SNS) is not received yet: connect it through POST /api/v1/events",
        ));
    }
    Ok(kind)
}

fn secret(kind: SourceKind, given: &str) -> Result<NewSecret, ApiError> {
    NewSecret::new(kind, given).map_err(|e| ApiError::field("secret", e.to_string()))
}

/// Connects a source.
#[utoipa::path(post, path = "/api/v1/sources", tag = "senders", request_body = NewSourceBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Connected", body = SourceBody),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewSourceBody>,
) -> Result<(StatusCode, Json<SourceBody>), ApiError> {
    caller.require(Action::ManageSources)?;
    let kind = kind(&body.kind)?;
    let label = parse_label("label", &body.label)?;
    let secret = secret(kind, &body.secret)?;
    let source = senders::create_source(&state.pool, kind, &label, secret, caller.0.id, Utc::now())
        .await
        .map_err(source_error)?;
    Ok((StatusCode::CREATED, Json(SourceBody::from(&source))))
}

fn source_error(failure: app::store::Failure<senders::SourceError>) -> ApiError {
    match failure {
        app::store::Failure::Refused(senders::SourceError::NotFound) => ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "there is no such live source",
        ),
        app::store::Failure::Refused(e) => ApiError::field("label", e.to_string()),
        app::store::Failure::Store(e) => e.into(),
    }
}

/// Lists the sources, newest first.
#[utoipa::path(get, path = "/api/v1/sources", tag = "senders", security(("bearer" = [])),
    responses(
        (status = 200, description = "The sources", body = [SourceBody]),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<SourceBody>>, ApiError> {
    caller.require(Action::ManageSources)?;
    let sources = senders::list_sources(&state.pool).await?;
    Ok(Json(sources.iter().map(SourceBody::from).collect()))
}

/// Replaces a source's secret.
#[utoipa::path(post, path = "/api/v1/sources/{id}/rotate", tag = "senders", request_body = RotateBody,
    params(("id" = i64, Path, description = "The source's id")), security(("bearer" = [])),
    responses(
        (status = 200, description = "Rotated", body = SourceBody),
        (status = 400, description = "Malformed JSON or id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No live source with that id", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn rotate(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<RotateBody>,
) -> Result<Json<SourceBody>, ApiError> {
    caller.require(Action::ManageSources)?;
    let Some(source) = senders::get_source(&state.pool, id).await? else {
        return Err(source_error(app::store::Failure::Refused(
            senders::SourceError::NotFound,
        )));
    };
    let secret = secret(source.kind, &body.secret)?;
    let rotated = senders::rotate_source(&state.pool, id, secret, caller.0.id, Utc::now())
        .await
        .map_err(source_error)?;
    Ok(Json(SourceBody::from(&rotated)))
}

/// Switches a source off: its hook answers 404 from now on.
#[utoipa::path(delete, path = "/api/v1/sources/{id}", tag = "senders",
    params(("id" = i64, Path, description = "The source's id")), security(("bearer" = [])),
    responses(
        (status = 204, description = "Switched off"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No live source with that id", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn disable(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::ManageSources)?;
    senders::disable_source(&state.pool, id, caller.0.id, Utc::now())
        .await
        .map_err(source_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// A dead letter as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeadLetterBody {
    /// Its id (for replaying it).
    pub id: i64,
    /// The source it came from.
    pub source_id: i64,
    /// That source's label.
    pub source_label: String,
    /// The provider's event id.
    pub event_id: Option<String>,
    /// Why it was not mapped.
    pub reason: String,
    /// The body as received (cut).
    pub payload: String,
    /// When it arrived.
    pub received_at: DateTime<Utc>,
}

/// Lists the dead letters not replayed yet, newest first (at most 200).
#[utoipa::path(get, path = "/api/v1/dead-letters", tag = "senders", security(("bearer" = [])),
    responses(
        (status = 200, description = "The dead letters", body = [DeadLetterBody]),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn dead_letters(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<DeadLetterBody>>, ApiError> {
    caller.require(Action::ManageSources)?;
    let letters = senders::dead_letters(&state.pool, false, 200).await?;
    Ok(Json(
        letters
            .into_iter()
            .map(|d| DeadLetterBody {
                id: d.id,
                source_id: d.source_id,
                source_label: d.source_label,
                event_id: d.event_id,
                reason: d.reason,
                payload: d.payload,
                received_at: d.received_at,
            })
            .collect(),
    ))
}

/// Maps a dead letter again, after its cause was fixed.
#[utoipa::path(post, path = "/api/v1/dead-letters/{id}/replay", tag = "senders",
    params(("id" = i64, Path, description = "The dead letter's id")), security(("bearer" = [])),
    responses(
        (status = 204, description = "Mapped onto the ledger"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 404, description = "No such dead letter", body = ErrorBody),
        (status = 409, description = "Already replayed", body = ErrorBody),
        (status = 422, description = "Still not mappable, with why", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn replay(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    use app::store::senders::ReplayError;
    caller.require(Action::ManageSources)?;
    match senders::replay(&state.pool, id, caller.0.id, Utc::now()).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(app::store::Failure::Refused(e)) => {
            let status = match e {
                ReplayError::NotFound => StatusCode::NOT_FOUND,
                ReplayError::AlreadyReplayed => StatusCode::CONFLICT,
                ReplayError::StillUnmapped(_) => StatusCode::UNPROCESSABLE_ENTITY,
            };
            Err(ApiError::new(status, "not_replayed", e.to_string()))
        }
        Err(app::store::Failure::Store(e)) => Err(e.into()),
    }
}
