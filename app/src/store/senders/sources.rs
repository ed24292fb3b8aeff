//! Sources: one connected provider account each. The secret is stored as the scheme allows —
//! a public key, HMAC key or topic as given (Concord must compute with it), a value the
//! provider presents as is only as its SHA-256 — and never shown again. Rotation keeps the
//! previous secret valid for a grace period, so the provider's retries still verify.

use crate::domain::ids::UserId;
use crate::domain::senders::{SecretForm, SourceKind};
use crate::store::audit::{self, AuditEntry};
use crate::store::db::{self, Conn, Db};
use crate::store::rows::{instant, secs};
use crate::store::tx::begin_write;
use crate::store::{refuse, Failure, StoreError};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How long a rotated secret still verifies.
pub const ROTATION_GRACE: TimeDelta = TimeDelta::hours(24);

/// A source as stored, with its verification material.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Its id (the hook URL is `/hooks/{id}`).
    pub id: i64,
    /// Which provider.
    pub kind: SourceKind,
    /// The admin's label.
    pub label: String,
    /// The current secret, when it is kept as given.
    pub secret: Option<String>,
    /// The current secret's SHA-256 (hex), when only that is kept.
    pub secret_digest: Option<String>,
    /// The secret before the last rotation, and until when it still verifies.
    pub previous: Option<(Option<String>, Option<String>, DateTime<Utc>)>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it was switched off (its hook then answers 404).
    pub disabled_at: Option<DateTime<Utc>>,
}

/// A secret as the admin gave it, ready to be stored in the form its kind allows.
#[derive(Clone, Debug)]
pub struct NewSecret {
    secret: Option<String>,
    digest: Option<String>,
}

impl NewSecret {
    /// The secret for a source of `kind`, trimmed; refused when empty.
    pub fn new(kind: SourceKind, given: &str) -> Result<Self, SourceError> {
        let given = given.trim();
        if given.is_empty() {
            return Err(SourceError::SecretMissing(kind.secret_label()));
        }
        if given.chars().any(char::is_control) {
            return Err(SourceError::SecretMalformed(kind.secret_label()));
        }
        Ok(match kind.secret_form() {
            SecretForm::Presented => NewSecret {
                secret: None,
                digest: Some(sha256_hex(given)),
            },
            SecretForm::PublicKey | SecretForm::HmacKey | SecretForm::Topic => NewSecret {
                secret: Some(given.to_owned()),
                digest: None,
            },
        })
    }
}

/// The SHA-256 of `text`, in hex: how presented secrets are stored and compared.
pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Why a source could not be added or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SourceError {
    /// No secret given.
    #[error("the {0} is required")]
    SecretMissing(&'static str),
    /// A secret with control characters: no provider issues one.
    #[error("the {0} has control characters; paste it exactly as the provider shows it")]
    SecretMalformed(&'static str),
    /// No label given.
    #[error("give the source a name, e.g. \"Marketing SendGrid\"")]
    LabelMissing,
    /// No such source.
    #[error("no such source")]
    NotFound,
}

type Row = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
    Option<i64>,
);

const SELECT: &str = "SELECT id, kind, label, secret, secret_digest, previous_secret,
     previous_digest, previous_until, created_at, disabled_at FROM sources";

fn from_row(row: Row) -> Result<Source, StoreError> {
    let (id, kind, label, secret, digest, prev_secret, prev_digest, until, created, disabled) = row;
    Ok(Source {
        id,
        kind: SourceKind::parse(&kind).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        label,
        secret,
        secret_digest: digest,
        previous: match until {
            Some(until) => Some((prev_secret, prev_digest, instant(until)?)),
            None => None,
        },
        created_at: instant(created)?,
        disabled_at: disabled.map(instant).transpose()?,
    })
}

/// Adds a source, audited; answers it.
pub async fn create_source(
    pool: &Db,
    kind: SourceKind,
    label: &str,
    secret: NewSecret,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<Source, Failure<SourceError>> {
    let label = label.trim();
    if label.is_empty() {
        return refuse(SourceError::LabelMissing);
    }
    let mut tx = begin_write(pool).await?;
    let id: i64 = db::query_scalar(
        "INSERT INTO sources (kind, label, secret, secret_digest, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(kind.as_str())
    .bind(label)
    .bind(secret.secret)
    .bind(secret.digest)
    .bind(actor.0)
    .bind(secs(now))
    .fetch_one(&mut tx)
    .await?;
    audit_source(
        &mut tx,
        "source.created",
        id,
        actor,
        serde_json::json!({ "kind": kind, "label": label }),
        now,
    )
    .await?;
    let row = db::query_as::<Row>(format!("{SELECT} WHERE id = ?"))
        .bind(id)
        .fetch_one(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(from_row(row)?)
}

/// One source, switched off or not.
pub async fn get_source(pool: &Db, id: i64) -> Result<Option<Source>, StoreError> {
    db::query_as::<Row>(format!("{SELECT} WHERE id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .map(from_row)
        .transpose()
}

/// Every source, newest first.
pub async fn list_sources(pool: &Db) -> Result<Vec<Source>, StoreError> {
    db::query_as::<Row>(format!("{SELECT} ORDER BY id DESC"))
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}

/// Replaces the secret; the previous one verifies for [`ROTATION_GRACE`] more. Audited.
pub async fn rotate_source(
    pool: &Db,
    id: i64,
    secret: NewSecret,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<Source, Failure<SourceError>> {
    let mut tx = begin_write(pool).await?;
    let changed = db::query(
        "UPDATE sources SET previous_secret = secret, previous_digest = secret_digest,
             previous_until = ?, secret = ?, secret_digest = ?, rotated_at = ?
         WHERE id = ? AND disabled_at IS NULL",
    )
    .bind(secs(now + ROTATION_GRACE))
    .bind(secret.secret)
    .bind(secret.digest)
    .bind(secs(now))
    .bind(id)
    .execute(&mut tx)
    .await?;
    if changed.rows_affected() == 0 {
        return refuse(SourceError::NotFound);
    }
    audit_source(
        &mut tx,
        "source.rotated",
        id,
        actor,
        serde_json::json!({ "grace_hours": ROTATION_GRACE.num_hours() }),
        now,
    )
    .await?;
    let row = db::query_as::<Row>(format!("{SELECT} WHERE id = ?"))
        .bind(id)
        .fetch_one(&mut tx)
        .await?;
    tx.commit().await?;
    Ok(from_row(row)?)
}

/// Switches a source off: its hook answers 404 from now on. Audited.
pub async fn disable_source(
    pool: &Db,
    id: i64,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<(), Failure<SourceError>> {
    let mut tx = begin_write(pool).await?;
    let changed =
        db::query("UPDATE sources SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL")
            .bind(secs(now))
            .bind(id)
            .execute(&mut tx)
            .await?;
    if changed.rows_affected() == 0 {
        return refuse(SourceError::NotFound);
    }
    audit_source(
        &mut tx,
        "source.disabled",
        id,
        actor,
        serde_json::json!({}),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The audit row of a change to source `id` by `actor`.
pub(super) async fn audit_source(
    tx: &mut Conn,
    action: &str,
    id: i64,
    actor: UserId,
    details: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let entry = AuditEntry {
        at: now,
        actor: Some(actor),
        action,
        subject_type: "source",
        subject_id: Some(id),
        contact: None,
        details,
    };
    audit::record(tx, &entry).await
}
