//! A contact as typed in (a form, an API body, a CSV row) and the same contact parsed into
//! domain types: name required, a real IANA zone, a known stage, a plausible email and phone.

use super::compliance::{Country, Jurisdiction, Region};
use super::consent::{parse_topic_states, Evidence, Topic, TopicState};
use super::contact::Consent;
use super::email::EmailAddress;
use super::field_error::FieldError;
use super::phone::PhoneNumber;
use super::timezone::TimeZone;
use super::vocabulary::Stage;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A new contact as sent by a client: text, not yet checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContactInput {
    /// Full name (required, not blank).
    #[cfg_attr(feature = "ssr", schema(value_type = super::wire_schema::NonBlankText))]
    pub name: String,
    /// Email address; blank means none.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::EmailOrBlank>))]
    pub email: Option<String>,
    /// Phone number; blank means none.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::PhoneOrBlank>))]
    pub phone: Option<String>,
    /// Postal address, lines separated by newlines.
    #[serde(default)]
    pub address: Option<String>,
    /// IANA time zone (required).
    #[cfg_attr(feature = "ssr", schema(value_type = TimeZone))]
    pub timezone: String,
    /// Lifecycle stage (required).
    #[cfg_attr(feature = "ssr", schema(value_type = Stage))]
    pub stage: String,
    /// Free attributes for audience conditions.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = super::wire_schema::AttributeMap))]
    pub attributes: BTreeMap<String, String>,
    /// Per-channel consent; defaults to email, phone and mail allowed, SMS not opted in.
    #[serde(default)]
    pub consent: Option<Consent>,
    /// No touch except transactional ones.
    #[serde(default)]
    pub do_not_contact: bool,
    /// The id of this person in another system (unique).
    #[serde(default)]
    pub external_id: Option<String>,
    /// Account or household key.
    #[serde(default)]
    pub account_key: Option<String>,
    /// Country (ISO 3166-1 alpha-2, e.g. `US`); read from the address or phone when neither
    /// this nor `region` is given.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::CountryOrBlank>))]
    pub country: Option<String>,
    /// Region (ISO 3166-2, e.g. `US-FL`); with `country`, it must be a region of that country.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::RegionOrBlank>))]
    pub region: Option<String>,
    /// Consent per topic: `{topic: "opted_in" | "not_set" | "opted_out"}`.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<super::wire_schema::TopicStates>))]
    pub consent_topics: Option<BTreeMap<String, String>>,
    /// The evidence of those consents (wording shown, lawful basis).
    #[serde(default)]
    pub consent_evidence: Option<Evidence>,
}

/// A new contact, parsed: every field is a domain type (see [`NewContact::parse`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewContact {
    /// Full name, trimmed and non-empty.
    pub name: String,
    /// Email address.
    pub email: Option<EmailAddress>,
    /// Phone number.
    pub phone: Option<PhoneNumber>,
    /// Postal address.
    pub address: Option<String>,
    /// The contact's own zone.
    pub time_zone: TimeZone,
    /// Lifecycle stage.
    pub stage: Stage,
    /// Free attributes (blank keys refused).
    pub attributes: BTreeMap<String, String>,
    /// Per-channel consent.
    pub consent: Consent,
    /// No touch except transactional ones.
    pub do_not_contact: bool,
    /// The id of this person in another system.
    pub external_id: Option<String>,
    /// Account or household key.
    pub account_key: Option<String>,
    /// Where the contact is for the law.
    pub jurisdiction: Jurisdiction,
    /// Consent per topic, as sent.
    pub topics: Vec<(Topic, TopicState)>,
    /// Its evidence.
    pub evidence: Evidence,
}

/// `None` for a missing or blank text, else the trimmed text.
pub fn non_blank(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Parses an optional email field (blank means none).
pub fn parse_email(text: Option<&str>) -> Result<Option<EmailAddress>, FieldError> {
    non_blank(text)
        .map(|t| EmailAddress::parse(&t).map_err(|e| FieldError::new("email", e.reason)))
        .transpose()
}

/// Parses an optional phone field (blank means none).
pub fn parse_phone(text: Option<&str>) -> Result<Option<PhoneNumber>, FieldError> {
    non_blank(text)
        .map(|t| PhoneNumber::parse(&t).map_err(|e| FieldError::new("phone", e.0)))
        .transpose()
}

/// Parses a required name.
pub fn parse_name(text: &str) -> Result<String, FieldError> {
    non_blank(Some(text)).ok_or_else(|| FieldError::new("name", "is required"))
}

/// Parses an IANA zone field.
pub fn parse_zone(text: &str) -> Result<TimeZone, FieldError> {
    TimeZone::parse(text).map_err(|e| FieldError::new("timezone", e))
}

/// Parses a stage field.
pub fn parse_stage(text: &str) -> Result<Stage, FieldError> {
    Stage::parse(text).map_err(|e| FieldError::new("stage", e))
}

/// Refuses attributes with blank keys; keys and values are trimmed.
pub fn parse_attributes(
    attributes: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, FieldError> {
    attributes
        .iter()
        .map(|(key, value)| match non_blank(Some(key)) {
            Some(key) => Ok((key, value.trim().to_owned())),
            None => Err(FieldError::new("attributes", "a key is blank")),
        })
        .collect()
}

/// The jurisdiction set by hand when a country or region is given, else read from the address
/// or phone.
pub fn parse_jurisdiction(
    country: Option<&str>,
    region: Option<&str>,
    address: Option<&str>,
    phone: Option<&PhoneNumber>,
) -> Result<Jurisdiction, FieldError> {
    let country = non_blank(country)
        .map(|c| Country::parse(&c).map_err(|e| FieldError::new("country", e)))
        .transpose()?;
    let region = non_blank(region)
        .map(|r| Region::parse(&r).map_err(|e| FieldError::new("region", e)))
        .transpose()?;
    if country.is_none() && region.is_none() {
        return Ok(Jurisdiction::derive(address, phone));
    }
    Jurisdiction::by_hand(country, region, phone).map_err(|e| FieldError::new("region", e))
}

impl NewContact {
    /// Parses every field, refusing the first bad one with its name.
    pub fn parse(input: &ContactInput) -> Result<NewContact, FieldError> {
        let phone = parse_phone(input.phone.as_deref())?;
        let address = non_blank(input.address.as_deref());
        let jurisdiction = parse_jurisdiction(
            input.country.as_deref(),
            input.region.as_deref(),
            address.as_deref(),
            phone.as_ref(),
        )?;
        Ok(NewContact {
            name: parse_name(&input.name)?,
            email: parse_email(input.email.as_deref())?,
            phone,
            address,
            time_zone: parse_zone(&input.timezone)?,
            stage: parse_stage(&input.stage)?,
            attributes: parse_attributes(&input.attributes)?,
            consent: input.consent.unwrap_or_default(),
            do_not_contact: input.do_not_contact,
            external_id: non_blank(input.external_id.as_deref()),
            account_key: non_blank(input.account_key.as_deref()),
            jurisdiction,
            topics: parse_topic_states(input.consent_topics.as_ref())?,
            evidence: input.consent_evidence.clone().unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ContactInput {
        ContactInput {
            name: " Dana Reyes ".into(),
            email: Some("Dana@Example.COM".into()),
            phone: Some("".into()),
            timezone: "America/New_York".into(),
            stage: "Lead".into(),
            ..ContactInput::default()
        }
    }

    #[test]
    fn parses_into_domain_types() {
        let contact = NewContact::parse(&input()).unwrap();
        assert_eq!(contact.name, "Dana Reyes");
        assert_eq!(contact.email.unwrap().as_str(), "Dana@example.com");
        assert_eq!(contact.phone, None);
        assert_eq!(contact.stage, Stage::Lead);
        assert_eq!(contact.consent, Consent::default());
        assert_eq!(contact.jurisdiction, Jurisdiction::default());
    }

    #[test]
    fn the_jurisdiction_is_read_from_the_address_unless_given() {
        let mut typed = input();
        typed.address = Some("1 Ocean Dr\nMiami, FL 33139".into());
        typed.phone = Some("+1 512 555 0100".into());
        let read = NewContact::parse(&typed).unwrap().jurisdiction;
        assert_eq!(read.region.unwrap().to_string(), "US-FL");
        assert_eq!(read.area_code_region.unwrap().to_string(), "US-TX");
        typed.region = Some("us-ga".into());
        let given = NewContact::parse(&typed).unwrap().jurisdiction;
        assert_eq!(given.region.unwrap().to_string(), "US-GA");
        assert_eq!(given.country.unwrap().to_string(), "US");
        assert_eq!(given.area_code_region.unwrap().to_string(), "US-TX");
    }

    #[test]
    fn names_the_refused_field() {
        let refused = |change: fn(&mut ContactInput)| {
            let mut input = input();
            change(&mut input);
            NewContact::parse(&input).unwrap_err().field
        };
        assert_eq!(refused(|i| i.name = "  ".into()), "name");
        assert_eq!(refused(|i| i.timezone = "Mars/Base".into()), "timezone");
        assert_eq!(refused(|i| i.stage = "fan".into()), "stage");
        assert_eq!(refused(|i| i.email = Some("nope".into())), "email");
        assert_eq!(refused(|i| i.phone = Some("abc".into())), "phone");
        assert_eq!(refused(|i| i.country = Some("USA".into())), "country");
        assert_eq!(refused(|i| i.region = Some("Florida".into())), "region");
        assert_eq!(
            refused(|i| {
                i.country = Some("FR".into());
                i.region = Some("US-FL".into());
            }),
            "region"
        );
    }
}
