//! Senders' webhooks, for admins: `POST /api/v1/sources` connects a provider account and
//! answers the URL to paste into it; `GET /api/v1/sources` lists them (never their secrets);
//! `POST /api/v1/sources/{id}/rotate` replaces the secret (the old one verifies for a day);
//! `DELETE /api/v1/sources/{id}` switches one off. `GET /api/v1/dead-letters` lists what
//! verified but could not be mapped; `POST /api/v1/dead-letters/{id}/replay` maps it again.

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::domain::senders::{SecretFields, SourceKind};
use app::domain::wire_schema::LabelText;
use app::domain::Action;
use app::settings::senders::manage;
use app::state::AppState;
use app::store::senders::{self, Source};
use axum::{
    extract::State,
    http::{header, HeaderMap, StatusCode},
    Json,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A source to connect. Its secret goes in the field named for its kind (never shown again):
/// `public_key`, `signing_key`, `auth_token`, `username` + `password`, `token` or `topic_arn`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSourceBody {
    /// `sendgrid`, `postmark`, `mailgun`, `ses`, `twilio_sms`, `twilio_voice` or `aircall`.
    #[schema(value_type = SourceKind, example = "sendgrid")]
    pub kind: String,
    /// A name for people, e.g. "Marketing SendGrid": 1 to 100 characters once trimmed, no
    /// control characters.
    #[schema(value_type = LabelText, example = "Marketing SendGrid")]
    pub label: String,
    /// Any kind's secret as one text (Postmark's as `user:password`), for clients that do not
    /// name it by kind.
    pub secret: Option<String>,
    /// SendGrid: the Event Webhook's verification key (base64, as SendGrid shows it).
    pub public_key: Option<String>,
    /// Mailgun: the HTTP webhook signing key.
    pub signing_key: Option<String>,
    /// Twilio SMS and Voice: the account's auth token.
    pub auth_token: Option<String>,
    /// Postmark: the basic-auth user written into the webhook URL.
    pub username: Option<String>,
    /// Postmark: the basic-auth password written into the webhook URL.
    pub password: Option<String>,
    /// Aircall: the webhook's token.
    pub token: Option<String>,
    /// SES: the SNS topic ARN it publishes to.
    pub topic_arn: Option<String>,
}

/// A new secret for a source, in the field its kind names (or `secret`); the previous one keeps
/// verifying for 24 hours.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RotateBody {
    /// Any kind's secret as one text (Postmark's as `user:password`), for clients that do not
    /// name it by kind.
    pub secret: Option<String>,
    /// SendGrid: the Event Webhook's verification key (base64, as SendGrid shows it).
    pub public_key: Option<String>,
    /// Mailgun: the HTTP webhook signing key.
    pub signing_key: Option<String>,
    /// Twilio SMS and Voice: the account's auth token.
    pub auth_token: Option<String>,
    /// Postmark: the basic-auth user written into the webhook URL.
    pub username: Option<String>,
    /// Postmark: the basic-auth password written into the webhook URL.
    pub password: Option<String>,
    /// Aircall: the webhook's token.
    pub token: Option<String>,
    /// SES: the SNS topic ARN it publishes to.
    pub topic_arn: Option<String>,
}

/// Both bodies' secret fields, as the domain reads them.
macro_rules! secret_fields {
    ($($body:ty),*) => {$(
        impl $body {
            fn secret_fields(&self) -> SecretFields<'_> {
                SecretFields {
                    secret: self.secret.as_deref(),
                    public_key: self.public_key.as_deref(),
                    signing_key: self.signing_key.as_deref(),
                    auth_token: self.auth_token.as_deref(),
                    username: self.username.as_deref(),
                    password: self.password.as_deref(),
                    token: self.token.as_deref(),
                    topic_arn: self.topic_arn.as_deref(),
                }
            }
        }
    )*};
}
secret_fields!(NewSourceBody, RotateBody);

/// A source as shown: never its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceBody {
    /// Its id.
    pub id: i64,
    /// The provider kind.
    pub kind: String,
    /// Its label.
    pub label: String,
    /// The URL to paste into the provider: `--public-url` (else the address this request
    /// came to) followed by `/hooks/{id}`.
    pub url: String,
    /// The path part of `url`: `/hooks/{id}`.
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
    fn from(source: &Source, origin: &str) -> Self {
        let hook_path = format!("/hooks/{}", source.id);
        let url = format!("{origin}{hook_path}");
        SourceBody {
            id: source.id,
            kind: source.kind.as_str().to_owned(),
            label: source.label.clone(),
            instructions: source.kind.instructions(&url),
            url,
            hook_path,
            secret_stored_as_digest: source.secret_digest.is_some(),
            previous_secret_until: source.previous.as_ref().map(|(_, _, until)| *until),
            created_at: source.created_at,
            disabled_at: source.disabled_at,
        }
    }
}

/// `scheme://host` the provider is to call.
fn origin(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    app::settings::feeds::issue::origin(state, host)
}

/// Connects a source.
#[utoipa::path(post, path = "/api/v1/sources", operation_id = "connect_source", tag = "senders",
    request_body = super::source_kinds::ConnectSourceBody,
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
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewSourceBody>,
) -> Result<(StatusCode, Json<SourceBody>), ApiError> {
    caller.require(Action::ManageSources)?;
    let source = manage::connect(
        &state.pool,
        &body.kind,
        &body.label,
        body.secret_fields(),
        caller.0.id,
        Utc::now(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(SourceBody::from(&source, &origin(&state, &headers))),
    ))
}

/// Lists the sources, newest first.
#[utoipa::path(get, path = "/api/v1/sources", operation_id = "list_sources", tag = "senders", security(("bearer" = [])),
    responses(
        (status = 200, description = "The sources", body = [SourceBody]),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Not an admin", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Json<Vec<SourceBody>>, ApiError> {
    caller.require(Action::ManageSources)?;
    let sources = senders::list_sources(&state.pool).await?;
    Ok(Json(
        sources
            .iter()
            .map(|s| SourceBody::from(s, &origin(&state, &headers)))
            .collect(),
    ))
}

/// Replaces a source's secret.
#[utoipa::path(post, path = "/api/v1/sources/{id}/rotate", operation_id = "rotate_source_secret", tag = "senders", request_body = super::source_kinds::RotateSourceBody,
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
    headers: HeaderMap,
    ApiJson(body): ApiJson<RotateBody>,
) -> Result<Json<SourceBody>, ApiError> {
    caller.require(Action::ManageSources)?;
    let rotated = manage::rotate(
        &state.pool,
        id,
        body.secret_fields(),
        caller.0.id,
        Utc::now(),
    )
    .await?;
    Ok(Json(SourceBody::from(&rotated, &origin(&state, &headers))))
}

/// Switches a source off: its hook answers 404 from now on.
#[utoipa::path(delete, path = "/api/v1/sources/{id}", operation_id = "disable_source", tag = "senders",
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
    manage::disable(&state.pool, id, caller.0.id, Utc::now()).await?;
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
#[utoipa::path(get, path = "/api/v1/dead-letters", operation_id = "list_dead_letters", tag = "senders", security(("bearer" = [])),
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
#[utoipa::path(post, path = "/api/v1/dead-letters/{id}/replay", operation_id = "replay_dead_letter", tag = "senders",
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
