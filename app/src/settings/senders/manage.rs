//! Connecting a source and replacing its secret, shared by the senders page and the API: the
//! kind, label and secret are parsed at the edge, then stored and audited.

use crate::domain::ids::UserId;
use crate::domain::label::parse_label;
use crate::domain::senders::{SecretFields, SourceKind};
use crate::domain::FieldError;
use crate::error::AppError;
use crate::store::db::Db;
use crate::store::senders::{self, NewSecret, Source, SourceError};
use crate::store::Failure;
use chrono::{DateTime, Utc};

/// Connects a source of `kind` labelled `label`, verified with the secret in `fields`.
pub async fn connect(
    pool: &Db,
    kind: &str,
    label: &str,
    fields: SecretFields<'_>,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<Source, AppError> {
    let kind = SourceKind::parse(kind).map_err(|e| FieldError::new("kind", e))?;
    let label = parse_label("label", label)?;
    let secret = secret(kind, fields)?;
    senders::create_source(pool, kind, &label, secret, actor, now)
        .await
        .map_err(|failure| refusal(failure, "label"))
}

/// Replaces the secret of source `id` with the one in `fields`; the old one verifies for a
/// grace period.
pub async fn rotate(
    pool: &Db,
    id: i64,
    fields: SecretFields<'_>,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<Source, AppError> {
    let source = senders::get_source(pool, id)
        .await
        .map_err(|e| e.log_as_internal())?
        .filter(|s| s.disabled_at.is_none())
        .ok_or_else(|| AppError::NotFound(format!("there is no live source {id}")))?;
    let secret = secret(source.kind, fields)?;
    senders::rotate_source(pool, id, secret, actor, now)
        .await
        .map_err(|failure| refusal(failure, source.kind.secret_fields()[0]))
}

/// Switches source `id` off.
pub async fn disable(
    pool: &Db,
    id: i64,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    senders::disable_source(pool, id, actor, now)
        .await
        .map_err(|failure| refusal(failure, "id"))
}

fn secret(kind: SourceKind, fields: SecretFields<'_>) -> Result<NewSecret, AppError> {
    let text = fields.text_for(kind)?;
    if kind == SourceKind::Ses && !is_topic_arn(&text) {
        return Err(FieldError::new(
            "topic_arn",
            "an SNS topic ARN, e.g. arn:aws:sns:us-east-1:123456789012:ses-events",
        )
        .into());
    }
    let field = if fields.secret.is_some() {
        "secret"
    } else {
        kind.secret_fields()[0]
    };
    NewSecret::new(kind, &text).map_err(|e| FieldError::new(field, e).into())
}

/// `arn:aws…:sns:region:account:name`, with every part there.
fn is_topic_arn(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split(':').collect();
    parts.len() == 6
        && parts[0] == "arn"
        && parts[1].starts_with("aws")
        && parts[2] == "sns"
        && parts[3..].iter().all(|p| !p.is_empty())
}

fn refusal(failure: Failure<SourceError>, field: &str) -> AppError {
    match failure {
        Failure::Refused(SourceError::NotFound) => {
            AppError::NotFound("there is no such live source".into())
        }
        Failure::Refused(e) => FieldError::new(field, e).into(),
        Failure::Store(e) => e.log_as_internal(),
    }
}
