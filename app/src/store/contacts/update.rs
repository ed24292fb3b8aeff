//! A partial update of a contact, refused when the client's version is stale.

use super::create::ContactError;
use super::get::contact_row;
use super::jurisdiction;
use crate::domain::consent::Method;
use crate::domain::ids::ContactId;
use crate::domain::Channel;
use crate::domain::{Actor, ContactChanges, PlaceChange};
use crate::records::Contact;
use crate::store::audit::{self, AuditEntry};
use crate::store::consent::{self, record::Recorder};
use crate::store::db;
use crate::store::rows::{secs, to_json};
use crate::store::tx::begin_for_contacts;
use crate::store::{refuse, Failure, StoreError};
use chrono::{DateTime, Utc};
use db::Db;

/// Applies the changes if `changes.version` is the stored version and the actor may make
/// them (making the contact reachable again is for managers); the version goes up by one. The
/// audit row keeps consent, do-not-contact and stage before and after.
#[tracing::instrument(skip_all, fields(contact.id = %id))]
pub async fn update_contact(
    pool: &Db,
    id: ContactId,
    changes: &ContactChanges,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Contact, Failure<ContactError>> {
    let mut tx = begin_for_contacts(pool, &[id.0]).await?;
    let Some(row) = contact_row(&mut tx, id).await? else {
        return refuse(ContactError::NotFound);
    };
    if row.version != changes.version {
        return refuse(ContactError::StaleVersion {
            current: row.version,
        });
    }
    let current = row.clone().record(now)?;
    let pick = |new: &Option<Option<String>>, old: Option<String>| match new {
        Some(value) => value.clone(),
        None => old,
    };
    let email = match &changes.email {
        Some(value) => value.as_ref().map(|e| e.as_str().to_owned()),
        None => row.email.clone(),
    };
    let phone = match &changes.phone {
        Some(value) => value.as_ref().map(|p| p.as_str().to_owned()),
        None => row.phone.clone(),
    };
    let consent = changes.consent.unwrap_or(current.consent);
    let do_not_contact = changes.do_not_contact.unwrap_or(current.do_not_contact);
    let stage = changes.stage.unwrap_or(current.stage);
    actor
        .may_restore_reach(
            (current.consent, current.do_not_contact),
            (consent, do_not_contact),
        )
        .map_err(|e| Failure::Refused(e.into()))?;
    let attributes = changes.attributes.as_ref().unwrap_or(&current.attributes);
    let address = pick(&changes.address, current.address.clone());
    let new_phone = match &changes.phone {
        Some(value) => value.clone(),
        None => current.phone.clone(),
    };
    let place = PlaceChange::apply(
        changes.place,
        row.jurisdiction()?,
        address.as_deref(),
        new_phone.as_ref(),
    )
    .map_err(|e| Failure::Refused(ContactError::Invalid(e)))?;
    let [country, region, area, source] = jurisdiction::columns(&place);
    let updated = db::query(
        "UPDATE contacts SET name = ?, email = ?, phone = ?, address = ?, timezone = ?, stage = ?,
             attributes = ?, consent_email = ?, consent_sms = ?, consent_phone = ?,
             consent_mail = ?, do_not_contact = ?, account_key = ?, version = version + 1,
             updated_at = ?, country = ?, region = ?, area_code_region = ?,
             jurisdiction_source = ?
         WHERE id = ? AND version = ?",
    )
    .bind(changes.name.as_ref().unwrap_or(&current.name))
    .bind(email)
    .bind(phone)
    .bind(address)
    .bind(changes.time_zone.unwrap_or(current.timezone).name())
    .bind(stage.as_str())
    .bind(to_json(attributes))
    .bind(consent.email)
    .bind(consent.sms)
    .bind(consent.phone)
    .bind(consent.mail)
    .bind(do_not_contact)
    .bind(pick(&changes.account_key, current.account_key.clone()))
    .bind(secs(now))
    .bind(country)
    .bind(region)
    .bind(area)
    .bind(source)
    .bind(id.0)
    .bind(changes.version)
    .execute(&mut tx)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(StoreError::Corrupt("a checked contact version changed".into()).into());
    }
    crate::store::suppression::refresh::contact(&mut tx, id.0).await?;
    let by = Recorder {
        user: Some(actor.id),
        role: Some(actor.role),
        method: Method::Api,
    };
    let before_topics = row.topics()?;
    let topics = consent::record::record(
        &mut tx,
        id,
        &before_topics,
        place.country,
        &changes.topics,
        &changes.evidence,
        by,
        now,
    )
    .await?;
    for channel in Channel::ALL {
        let (was, is) = (current.consent.allows(*channel), consent.allows(*channel));
        if was != is {
            consent::record::channel_change(
                &mut tx,
                id,
                *channel,
                is,
                Method::Api,
                changes.evidence.wording.as_deref(),
                Some(actor.id),
                now,
            )
            .await?;
        }
    }
    let entry = AuditEntry {
        at: now,
        actor: Some(actor.id),
        action: "contact.updated",
        subject_type: "contact",
        subject_id: Some(id.0),
        contact: Some(id),
        details: serde_json::json!({
            "version": changes.version + 1,
            "before": { "consent": current.consent, "consent_topics": before_topics.states(),
                        "do_not_contact": current.do_not_contact,
                        "stage": current.stage, "region": current.region, "country": current.country },
            "after": { "consent": consent, "consent_topics": topics.states(),
                       "do_not_contact": do_not_contact, "stage": stage,
                       "region": place.region, "country": place.country },
        }),
    };
    audit::record(&mut tx, &entry).await?;
    let row = contact_row(&mut tx, id)
        .await?
        .ok_or_else(|| StoreError::Corrupt("a contact vanished while updated".into()))?;
    tx.commit().await?;
    Ok(row.record(now)?)
}
