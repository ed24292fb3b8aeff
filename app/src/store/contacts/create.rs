//! Creating a contact from parsed input, with its audit row.

use super::get::contact_row;
use super::jurisdiction;
use crate::domain::ids::{ContactId, UserId};
use crate::domain::NewContact;
use crate::records::Contact;
use crate::store::audit::{self, AuditEntry};
use crate::store::db;
use crate::store::rows::{secs, to_json};
use crate::store::tx::begin_write;
use crate::store::{Failure, StoreError};
use chrono::{DateTime, Utc};
use db::Db;
use serde::{Deserialize, Serialize};

/// Why a contact could not be created or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ContactError {
    /// Another contact has this external id.
    #[error("external_id: another contact has this external id")]
    ExternalIdTaken,
    /// No such contact.
    #[error("no such contact")]
    NotFound,
    /// The client saw an older version; nothing was changed.
    #[error("the contact was changed by someone else (now at version {current}); reload it")]
    StaleVersion {
        /// The version now stored.
        current: i64,
    },
    /// The actor's role may not make this change.
    #[error(transparent)]
    Forbidden(#[from] crate::domain::Forbidden),
    /// A field is invalid once combined with what is stored (a region outside its country).
    #[error(transparent)]
    Invalid(crate::domain::FieldError),
}

/// Stores a new contact (version 1) and returns it.
#[tracing::instrument(skip_all)]
pub async fn create_contact(
    pool: &Db,
    contact: &NewContact,
    actor: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<Contact, Failure<ContactError>> {
    let [country, region, area, source] = jurisdiction::columns(&contact.jurisdiction);
    let mut tx = begin_write(pool).await?;
    let id: Option<i64> = db::query_scalar(
        "INSERT INTO contacts (external_id, name, email, phone, address, timezone, stage,
             attributes, consent_email, consent_sms, consent_phone, consent_mail, do_not_contact,
             account_key, version, created_at, updated_at, country, region, area_code_region,
             jurisdiction_source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (external_id) DO NOTHING
         RETURNING id",
    )
    .bind(&contact.external_id)
    .bind(&contact.name)
    .bind(contact.email.as_ref().map(|e| e.as_str()))
    .bind(contact.phone.as_ref().map(|p| p.as_str()))
    .bind(&contact.address)
    .bind(contact.time_zone.name())
    .bind(contact.stage.as_str())
    .bind(to_json(&contact.attributes))
    .bind(contact.consent.email)
    .bind(contact.consent.sms)
    .bind(contact.consent.phone)
    .bind(contact.consent.mail)
    .bind(contact.do_not_contact)
    .bind(&contact.account_key)
    .bind(secs(now))
    .bind(secs(now))
    .bind(country)
    .bind(region)
    .bind(area)
    .bind(source)
    .fetch_optional(&mut tx)
    .await?;
    let Some(id) = id else {
        return Err(Failure::Refused(ContactError::ExternalIdTaken));
    };
    let id = ContactId(id);
    crate::store::suppression::refresh::contact(&mut tx, id.0).await?;
    let by = crate::store::consent::record::Recorder {
        user: actor,
        role: None,
        method: crate::domain::consent::Method::Api,
    };
    crate::store::consent::record::record(
        &mut tx,
        id,
        &Default::default(),
        contact.jurisdiction.country,
        &contact.topics,
        &contact.evidence,
        by,
        now,
    )
    .await?;
    let entry = AuditEntry {
        at: now,
        actor,
        action: "contact.created",
        subject_type: "contact",
        subject_id: Some(id.0),
        contact: Some(id),
        details: serde_json::json!({ "stage": contact.stage }),
    };
    audit::record(&mut tx, &entry).await?;
    let row = contact_row(&mut tx, id)
        .await?
        .ok_or_else(|| StoreError::Corrupt("a contact vanished while created".into()))?;
    tx.commit().await?;
    tracing::info!(contact.id = %id, "contact created");
    Ok(row.record(now)?)
}
