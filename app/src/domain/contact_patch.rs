//! A partial update of a contact: only the fields sent change, and only if the client saw the
//! current version (optimistic concurrency).

use super::contact::Consent;
use super::email::EmailAddress;
use super::field_error::FieldError;
use super::new_contact::{
    non_blank, parse_attributes, parse_email, parse_name, parse_phone, parse_stage, parse_zone,
};
use super::phone::PhoneNumber;
use super::timezone::TimeZone;
use super::vocabulary::Stage;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A partial update as sent by a client. For `email`, `phone`, `address` and `account_key` an
/// empty string clears the field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContactPatch {
    /// The version the client read; a stale one is refused.
    pub version: i64,
    /// New name.
    #[serde(default)]
    pub name: Option<String>,
    /// New email (empty clears).
    #[serde(default)]
    pub email: Option<String>,
    /// New phone (empty clears).
    #[serde(default)]
    pub phone: Option<String>,
    /// New postal address (empty clears).
    #[serde(default)]
    pub address: Option<String>,
    /// New zone.
    #[serde(default)]
    pub timezone: Option<String>,
    /// New stage.
    #[serde(default)]
    pub stage: Option<String>,
    /// Replaces all attributes.
    #[serde(default)]
    pub attributes: Option<BTreeMap<String, String>>,
    /// Replaces consent.
    #[serde(default)]
    pub consent: Option<Consent>,
    /// New do-not-contact flag.
    #[serde(default)]
    pub do_not_contact: Option<bool>,
    /// New account key (empty clears).
    #[serde(default)]
    pub account_key: Option<String>,
}

/// A parsed partial update: `None` leaves a field alone; `Some(None)` clears an optional one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactChanges {
    /// The version the client read.
    pub version: i64,
    /// New name.
    pub name: Option<String>,
    /// New email, or cleared.
    pub email: Option<Option<EmailAddress>>,
    /// New phone, or cleared.
    pub phone: Option<Option<PhoneNumber>>,
    /// New address, or cleared.
    pub address: Option<Option<String>>,
    /// New zone.
    pub time_zone: Option<TimeZone>,
    /// New stage.
    pub stage: Option<Stage>,
    /// New attributes (all of them).
    pub attributes: Option<BTreeMap<String, String>>,
    /// New consent.
    pub consent: Option<Consent>,
    /// New do-not-contact flag.
    pub do_not_contact: Option<bool>,
    /// New account key, or cleared.
    pub account_key: Option<Option<String>>,
}

impl ContactChanges {
    /// Parses every field sent, refusing the first bad one with its name.
    pub fn parse(patch: &ContactPatch) -> Result<ContactChanges, FieldError> {
        Ok(ContactChanges {
            version: patch.version,
            name: patch.name.as_deref().map(parse_name).transpose()?,
            email: patch
                .email
                .as_deref()
                .map(|t| parse_email(Some(t)))
                .transpose()?,
            phone: patch
                .phone
                .as_deref()
                .map(|t| parse_phone(Some(t)))
                .transpose()?,
            address: patch.address.as_deref().map(|t| non_blank(Some(t))),
            time_zone: patch.timezone.as_deref().map(parse_zone).transpose()?,
            stage: patch.stage.as_deref().map(parse_stage).transpose()?,
            attributes: patch
                .attributes
                .as_ref()
                .map(parse_attributes)
                .transpose()?,
            consent: patch.consent,
            do_not_contact: patch.do_not_contact,
            account_key: patch.account_key.as_deref().map(|t| non_blank(Some(t))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sent_fields_change_and_empty_clears() {
        let patch = ContactPatch {
            version: 3,
            email: Some(String::new()),
            stage: Some("customer".into()),
            ..ContactPatch::default()
        };
        let changes = ContactChanges::parse(&patch).unwrap();
        assert_eq!(changes.version, 3);
        assert_eq!(changes.email, Some(None));
        assert_eq!(changes.stage, Some(Stage::Customer));
        assert_eq!(changes.name, None);
        let bad = ContactPatch {
            timezone: Some("Nowhere".into()),
            ..ContactPatch::default()
        };
        assert_eq!(ContactChanges::parse(&bad).unwrap_err().field, "timezone");
    }
}
