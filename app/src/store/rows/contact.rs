//! A contact row (with its open claim and the owner's name) → the engine's [`ContactFacts`]
//! and the wire [`Contact`].

use super::{instant, json, parsed};
use crate::domain::compliance::Jurisdiction;
use crate::domain::consent::TopicConsents;
use crate::domain::ids::{ContactId, UserId};
use crate::domain::import::{ImportedContact, Stated};
use crate::domain::{
    claims, Claim, Consent, ContactFacts, EmailAddress, PhoneNumber, Reach, Stage, TimeZone,
};
use crate::records::{Contact, Owner};
use crate::store::contacts::jurisdiction;
use crate::store::StoreError;
use chrono::{DateTime, Utc};
use std::sync::LazyLock;

/// The columns of [`ContactRow`], from `contacts c` with its open claim `cl` and the owner `u`;
/// append `WHERE …`.
pub const CONTACT_SELECT: &str = "SELECT c.id, c.external_id, c.name, c.email, c.phone, \
     c.address, c.timezone, c.stage, c.attributes, c.consent_email, c.consent_sms, \
     c.consent_phone, c.consent_mail, c.do_not_contact, c.account_key, c.first_inbound_at, \
     c.version, c.created_at, c.updated_at, c.country, c.region, c.area_code_region, \
     c.jurisdiction_source, c.consent_topics, c.suppressed, cl.user_id AS owner_id, u.name AS owner_name, \
     cl.claimed_at, cl.renewed_at, cl.expires_at \
     FROM contacts c \
     LEFT JOIN claims cl ON cl.contact_id = c.id AND cl.ended_at IS NULL \
     LEFT JOIN users u ON u.id = cl.user_id ";

/// One contact by id (`?`), as [`CONTACT_SELECT`] reads it; built once, since the send gate
/// asks on every request.
pub static CONTACT_BY_ID: LazyLock<String> =
    LazyLock::new(|| format!("{CONTACT_SELECT} WHERE c.id = ?"));

/// One row of `contacts`, joined with its open claim (which may have lapsed).
#[derive(Clone, Debug, sqlx::FromRow, serde::Deserialize)]
pub struct ContactRow {
    /// `contacts.id`
    pub id: i64,
    /// `contacts.external_id`
    pub external_id: Option<String>,
    /// `contacts.name`
    pub name: String,
    /// `contacts.email`
    pub email: Option<String>,
    /// `contacts.phone`
    pub phone: Option<String>,
    /// `contacts.address`
    pub address: Option<String>,
    /// `contacts.timezone` (IANA name)
    pub timezone: String,
    /// `contacts.stage`
    pub stage: String,
    /// `contacts.attributes` (JSON object)
    pub attributes: String,
    /// `contacts.consent_email`
    pub consent_email: bool,
    /// `contacts.consent_sms`
    pub consent_sms: bool,
    /// `contacts.consent_phone`
    pub consent_phone: bool,
    /// `contacts.consent_mail`
    pub consent_mail: bool,
    /// `contacts.do_not_contact`
    pub do_not_contact: bool,
    /// `contacts.account_key`
    pub account_key: Option<String>,
    /// `contacts.first_inbound_at`
    pub first_inbound_at: Option<i64>,
    /// `contacts.version`
    pub version: i64,
    /// `contacts.created_at`
    pub created_at: i64,
    /// `contacts.updated_at`
    pub updated_at: i64,
    /// `contacts.country`
    pub country: Option<String>,
    /// `contacts.region`
    pub region: Option<String>,
    /// `contacts.area_code_region`
    pub area_code_region: Option<String>,
    /// `contacts.jurisdiction_source` (NULL: never read)
    pub jurisdiction_source: Option<String>,
    /// `contacts.consent_topics` (JSON: each topic's state; NULL: none recorded)
    pub consent_topics: Option<String>,
    /// `contacts.suppressed` (channels blocked by a suppression list)
    pub suppressed: i64,
    /// The open claim's owner.
    pub owner_id: Option<i64>,
    /// The open claim owner's name.
    pub owner_name: Option<String>,
    /// The open claim's `claimed_at`.
    pub claimed_at: Option<i64>,
    /// The open claim's `renewed_at`.
    pub renewed_at: Option<i64>,
    /// The open claim's `expires_at`.
    pub expires_at: Option<i64>,
}

/// Whether a stored postal address is complete enough for mail: at least two non-blank lines
/// (a street and a town).
pub fn is_full_address(address: Option<&str>) -> bool {
    address.is_some_and(|a| a.lines().filter(|l| !l.trim().is_empty()).count() >= 2)
}

impl ContactRow {
    /// The open claim as the domain sees it (it may have lapsed: see [`claims::live`]).
    pub fn open_claim(&self) -> Result<Option<Claim>, StoreError> {
        match (self.owner_id, self.renewed_at, self.expires_at) {
            (Some(owner), Some(since), Some(expires)) => Ok(Some(Claim {
                owner: UserId(owner),
                since: instant(since)?,
                expires_at: instant(expires)?,
            })),
            _ => Ok(None),
        }
    }

    /// What the policy engine needs, with the claim only if it is live at `now`.
    pub fn facts(&self, now: DateTime<Utc>) -> Result<ContactFacts, StoreError> {
        Ok(ContactFacts {
            id: ContactId(self.id),
            stage: parsed(Stage::parse(&self.stage))?,
            time_zone: parsed(TimeZone::parse(&self.timezone))?,
            consent: self.consent(),
            reach: Reach {
                email: self.email.is_some(),
                phone: self.phone.is_some(),
                postal_address: is_full_address(self.address.as_deref()),
            },
            do_not_contact: self.do_not_contact,
            claim: claims::live(self.open_claim()?, now),
            attributes: json(&self.attributes)?,
            first_inbound_at: self.first_inbound_at.map(instant).transpose()?,
            jurisdiction: self.jurisdiction()?,
            topics: self.topics()?,
            suppressed: u8::try_from(self.suppressed & 0xF).unwrap_or(0),
        })
    }

    /// The consent per topic kept on the contact.
    pub fn topics(&self) -> Result<TopicConsents, StoreError> {
        match self.consent_topics.as_deref() {
            None | Some("") => Ok(TopicConsents::default()),
            Some(text) => json(text),
        }
    }

    /// The stored jurisdiction, or the one read from the address and phone for a contact
    /// stored before Concord kept it.
    pub fn jurisdiction(&self) -> Result<Jurisdiction, StoreError> {
        jurisdiction::stored_or_read(
            [
                self.country.as_deref(),
                self.region.as_deref(),
                self.area_code_region.as_deref(),
                self.jurisdiction_source.as_deref(),
            ],
            self.address.as_deref(),
            self.phone.as_deref(),
        )
    }

    /// The contact as a row of a contact import would state it (to update it from one).
    pub fn as_imported(&self) -> Result<ImportedContact, StoreError> {
        Ok(ImportedContact {
            external_id: self.external_id.clone(),
            name: self.name.clone(),
            email: self
                .email
                .as_deref()
                .map(|e| parsed(EmailAddress::parse(e)))
                .transpose()?,
            phone: self.phone.clone(),
            address: self.address.clone(),
            time_zone: parsed(TimeZone::parse(&self.timezone))?,
            stage: parsed(Stage::parse(&self.stage))?,
            attributes: json(&self.attributes)?,
            consent: self.consent(),
            do_not_contact: self.do_not_contact,
            account_key: self.account_key.clone(),
            jurisdiction: self.jurisdiction()?,
            stated: Stated::default(),
        })
    }

    /// The stored consent flags.
    pub fn consent(&self) -> Consent {
        Consent {
            email: self.consent_email,
            sms: self.consent_sms,
            phone: self.consent_phone,
            mail: self.consent_mail,
        }
    }

    /// The wire record, with the owner only if the claim is live at `now`.
    pub fn record(self, now: DateTime<Utc>) -> Result<Contact, StoreError> {
        let place = self.jurisdiction()?;
        let consent_topics = self.topics()?.states();
        let owner = match claims::live(self.open_claim()?, now) {
            Some(claim) => Some(Owner {
                user_id: claim.owner,
                name: self.owner_name.clone().unwrap_or_default(),
                claimed_at: instant(self.claimed_at.unwrap_or_default())?,
                renewed_at: claim.since,
                expires_at: claim.expires_at,
            }),
            None => None,
        };
        Ok(Contact {
            id: ContactId(self.id),
            external_id: self.external_id.clone(),
            email: self
                .email
                .as_deref()
                .map(|e| parsed(EmailAddress::parse(e)))
                .transpose()?,
            phone: self
                .phone
                .as_deref()
                .map(|p| parsed(PhoneNumber::parse(p)))
                .transpose()?,
            timezone: parsed(TimeZone::parse(&self.timezone))?,
            stage: parsed(Stage::parse(&self.stage))?,
            attributes: json(&self.attributes)?,
            consent: self.consent(),
            do_not_contact: self.do_not_contact,
            owner,
            version: self.version,
            created_at: instant(self.created_at)?,
            updated_at: instant(self.updated_at)?,
            name: self.name,
            address: self.address,
            account_key: self.account_key,
            country: place.country,
            region: place.region,
            area_code_region: place.area_code_region,
            jurisdiction_source: place.source,
            consent_topics,
        })
    }
}
