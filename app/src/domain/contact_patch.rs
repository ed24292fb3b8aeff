//! A partial update of a contact: only the fields sent change, and only if the client saw the
//! current version (optimistic concurrency).

use super::compliance::{Country, Jurisdiction, JurisdictionSource, Region};
use super::consent::{parse_topic_states, Evidence, Topic, TopicState};
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
    /// New name (not blank).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::NonBlankText>))]
    pub name: Option<String>,
    /// New email (empty clears).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::EmailOrBlank>))]
    pub email: Option<String>,
    /// New phone (empty clears).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::PhoneOrBlank>))]
    pub phone: Option<String>,
    /// New postal address (empty clears).
    #[serde(default)]
    pub address: Option<String>,
    /// New zone.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<TimeZone>))]
    pub timezone: Option<String>,
    /// New stage.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Stage>))]
    pub stage: Option<String>,
    /// Replaces all attributes.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::AttributeMap>))]
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
    /// New country, set by hand (ISO 3166-1 alpha-2); an empty `country` and `region` go back
    /// to reading them from the address or phone.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::CountryOrBlank>))]
    pub country: Option<String>,
    /// New region, set by hand (ISO 3166-2); with `country`, it must be a region of that
    /// country.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::RegionOrBlank>))]
    pub region: Option<String>,
    /// Consent per topic to record: `{topic: "opted_in" | "not_set" | "opted_out"}`.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::TopicStates>))]
    pub consent_topics: Option<BTreeMap<String, String>>,
    /// The evidence of those consents (wording shown, lawful basis).
    #[serde(default)]
    pub consent_evidence: Option<Evidence>,
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
    /// A country or region set by hand, or cleared (read from the address or phone again).
    pub place: Option<PlaceChange>,
    /// Consent per topic to record.
    pub topics: Vec<(Topic, TopicState)>,
    /// Its evidence.
    pub evidence: Evidence,
}

/// What a patch does to a contact's country and region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceChange {
    /// Set by hand.
    Set(Option<Country>, Option<Region>),
    /// Read from the address or phone again.
    Derive,
}

impl PlaceChange {
    /// The jurisdiction after a change, given the one stored and the address and phone after
    /// the change: set by hand, read again, or — without a change — kept if it was set by hand
    /// and read again from the (maybe new) address and phone otherwise. The area code always
    /// follows the phone.
    pub fn apply(
        change: Option<PlaceChange>,
        stored: Jurisdiction,
        address: Option<&str>,
        phone: Option<&PhoneNumber>,
    ) -> Result<Jurisdiction, FieldError> {
        let by_hand = |country, region| {
            Jurisdiction::by_hand(country, region, phone).map_err(|e| FieldError::new("region", e))
        };
        match change {
            Some(PlaceChange::Set(country, region)) => by_hand(country, region),
            None if stored.source == Some(JurisdictionSource::Manual) => {
                by_hand(stored.country, stored.region)
            }
            Some(PlaceChange::Derive) | None => Ok(Jurisdiction::derive(address, phone)),
        }
    }
}

/// The place change a patch asks for: none when neither field is sent, back to reading when
/// both sent are blank.
fn parse_place(
    country: Option<&str>,
    region: Option<&str>,
) -> Result<Option<PlaceChange>, FieldError> {
    if country.is_none() && region.is_none() {
        return Ok(None);
    }
    let country = non_blank(country)
        .map(|c| Country::parse(&c).map_err(|e| FieldError::new("country", e)))
        .transpose()?;
    let region = non_blank(region)
        .map(|r| Region::parse(&r).map_err(|e| FieldError::new("region", e)))
        .transpose()?;
    Ok(Some(match (country, region) {
        (None, None) => PlaceChange::Derive,
        (country, region) => PlaceChange::Set(country, region),
    }))
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
            place: parse_place(patch.country.as_deref(), patch.region.as_deref())?,
            topics: parse_topic_states(patch.consent_topics.as_ref())?,
            evidence: patch.consent_evidence.clone().unwrap_or_default(),
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

    #[test]
    fn a_place_set_by_hand_stays_until_cleared() {
        let phone = PhoneNumber::parse("+1 305 555 0100").unwrap();
        let derived = PlaceChange::apply(
            None,
            Jurisdiction::default(),
            Some("Austin, Texas"),
            Some(&phone),
        )
        .unwrap();
        assert_eq!(derived.region.unwrap().to_string(), "US-TX");
        let set = ContactChanges::parse(&ContactPatch {
            region: Some("US-GA".into()),
            ..ContactPatch::default()
        })
        .unwrap()
        .place;
        let manual = PlaceChange::apply(set, derived, Some("Austin, Texas"), Some(&phone)).unwrap();
        assert_eq!(manual.region.unwrap().to_string(), "US-GA");
        // A later change of address keeps the place set by hand; the area code follows the phone.
        let kept = PlaceChange::apply(None, manual, Some("Miami, Florida"), None).unwrap();
        assert_eq!(kept.region.unwrap().to_string(), "US-GA");
        assert_eq!(kept.area_code_region, None);
        let cleared = ContactChanges::parse(&ContactPatch {
            country: Some(String::new()),
            region: Some(String::new()),
            ..ContactPatch::default()
        })
        .unwrap()
        .place;
        assert_eq!(cleared, Some(PlaceChange::Derive));
        let read = PlaceChange::apply(cleared, manual, Some("Miami, Florida"), None).unwrap();
        assert_eq!(read.region.unwrap().to_string(), "US-FL");
    }
}
