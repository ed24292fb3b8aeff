//! Amazon SES through SNS: the signing certificates admins pasted (by URL), and each SES
//! source's subscription state — the confirmation SNS last sent, the certificate it waits for,
//! and when the first verified notification showed the subscription confirmed.

use super::sources::audit_source;
use crate::domain::ids::UserId;
use crate::store::db::{self, Db};
use crate::store::rows::{instant, secs};
use crate::store::tx::begin_write;
use crate::store::StoreError;
use chrono::{DateTime, Utc};

/// An SES source's subscription, as far as Concord knows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnsState {
    /// The body of the last subscription confirmation SNS sent (verified or not yet).
    pub confirmation: Option<String>,
    /// The certificate URL a message was signed under that Concord does not have.
    pub wanted_cert: Option<String>,
    /// When the first verified notification arrived.
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// The subscription state of source `id`.
pub async fn sns_state(pool: &Db, id: i64) -> Result<SnsState, StoreError> {
    let row = db::query_as::<(Option<String>, Option<String>, Option<i64>)>(
        "SELECT sns_confirmation, sns_wanted_cert, sns_confirmed_at FROM sources WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some((confirmation, wanted_cert, confirmed)) = row else {
        return Ok(SnsState::default());
    };
    Ok(SnsState {
        confirmation,
        wanted_cert,
        confirmed_at: confirmed.map(instant).transpose()?,
    })
}

/// The certificate pasted for `url`, if any.
pub async fn sns_certificate(pool: &Db, url: &str) -> Result<Option<String>, StoreError> {
    Ok(
        db::query_scalar::<String>("SELECT pem FROM sns_certificates WHERE url = ?")
            .bind(url)
            .fetch_optional(pool)
            .await?,
    )
}

/// Keeps the certificate `pem` for `url` (already checked to be one), for source `id` whose
/// page it was pasted on; sources waiting for it stop waiting. Audited.
pub async fn add_sns_certificate(
    pool: &Db,
    id: i64,
    url: &str,
    pem: &str,
    actor: UserId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = begin_write(pool).await?;
    db::query(
        "INSERT INTO sns_certificates (url, pem, added_by, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET pem = excluded.pem, added_by = excluded.added_by,
             added_at = excluded.added_at",
    )
    .bind(url)
    .bind(pem)
    .bind(actor.0)
    .bind(secs(now))
    .execute(&mut tx)
    .await?;
    db::query("UPDATE sources SET sns_wanted_cert = NULL WHERE sns_wanted_cert = ?")
        .bind(url)
        .execute(&mut tx)
        .await?;
    audit_source(
        &mut tx,
        "source.sns_certificate_added",
        id,
        actor,
        serde_json::json!({ "url": url }),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Notes on source `id` a subscription confirmation (its body) and, when Concord lacks it,
/// the certificate it was signed under.
pub async fn keep_sns_confirmation(
    pool: &Db,
    id: i64,
    body: &str,
    wanted_cert: Option<&str>,
) -> Result<(), StoreError> {
    db::query("UPDATE sources SET sns_confirmation = ?, sns_wanted_cert = ? WHERE id = ?")
        .bind(body)
        .bind(wanted_cert)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Notes on source `id` a certificate a message was signed under that Concord lacks.
pub async fn want_sns_certificate(pool: &Db, id: i64, url: &str) -> Result<(), StoreError> {
    db::query("UPDATE sources SET sns_wanted_cert = ? WHERE id = ?")
        .bind(url)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Notes that source `id` received its first verified notification.
pub async fn mark_sns_confirmed(pool: &Db, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    db::query("UPDATE sources SET sns_confirmed_at = ? WHERE id = ? AND sns_confirmed_at IS NULL")
        .bind(secs(now))
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}
