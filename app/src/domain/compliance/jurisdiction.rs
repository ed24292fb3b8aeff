//! A contact's jurisdiction: its country and region, from its address, else its phone number,
//! else set by hand, and — kept apart — the state or province of its phone's area code,
//! because several US states presume that a number with an in-state area code belongs to a
//! resident. The rule packs apply the law of both places, so the stricter wins.

use super::address::{place_of_address, place_of_columns};
use super::area_codes::AREA_CODES;
use super::place::{Country, PlaceError, Region};
use crate::domain::phone::PhoneNumber;
use crate::domain::str_enum::str_enum;
use serde::{Deserialize, Serialize};

str_enum! {
    /// Where a contact's country and region came from.
    pub enum JurisdictionSource ("jurisdiction source") {
        /// Read from the postal address.
        Address = "address",
        /// Read from the phone number's country code and area code.
        Phone = "phone",
        /// Set by a person (a form, the API, an import column).
        Manual = "manual",
    }
}

/// A contact's place for the law. Every part may be unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Jurisdiction {
    /// The country (ISO 3166-1 alpha-2).
    pub country: Option<Country>,
    /// The region (ISO 3166-2), when known.
    pub region: Option<Region>,
    /// The US state or Canadian province of the phone's area code, whatever the address says.
    pub area_code_region: Option<Region>,
    /// Where `country` and `region` came from.
    pub source: Option<JurisdictionSource>,
}

/// The phone number's digits, and whether it was written in international form (`+…`).
fn digits(phone: &PhoneNumber) -> (String, bool) {
    let text = phone.as_str();
    let digits = text.chars().filter(char::is_ascii_digit).collect();
    (digits, text.starts_with('+'))
}

/// The region of a North American number's area code: `+1 305 …`, `1 305 …` or a ten-digit
/// national number.
pub fn area_code_region(phone: &PhoneNumber) -> Option<Region> {
    let (digits, international) = digits(phone);
    let national = match (digits.len(), digits.strip_prefix('1')) {
        (11, Some(rest)) => rest,
        (10, _) if !international => digits.as_str(),
        _ => return None,
    };
    let npa: u16 = national.get(..3)?.parse().ok()?;
    let found = AREA_CODES
        .binary_search_by_key(&npa, |(code, _)| *code)
        .ok()?;
    Region::parse(AREA_CODES[found].1).ok()
}

/// The country of an international number Concord has rules for (`+1` by its area code,
/// `+33` France, `+44` the United Kingdom).
fn phone_country(phone: &PhoneNumber) -> Option<Country> {
    if let Some(region) = area_code_region(phone) {
        return Some(region.country());
    }
    let (digits, international) = digits(phone);
    if !international {
        return None;
    }
    if digits.starts_with("33") {
        Some(Country::FR)
    } else if digits.starts_with("44") {
        Some(Country::GB)
    } else {
        None
    }
}

impl Jurisdiction {
    /// Derived from the address, else the phone number; the area-code region always from the
    /// phone.
    pub fn derive(address: Option<&str>, phone: Option<&PhoneNumber>) -> Jurisdiction {
        let area_code_region = phone.and_then(area_code_region);
        if let Some((country, region)) = address.and_then(place_of_address) {
            return Jurisdiction {
                country: Some(country),
                region,
                area_code_region,
                source: Some(JurisdictionSource::Address),
            };
        }
        match phone.and_then(phone_country) {
            Some(country) => Jurisdiction {
                country: Some(country),
                region: area_code_region,
                area_code_region,
                source: Some(JurisdictionSource::Phone),
            },
            None => Jurisdiction {
                area_code_region,
                ..Jurisdiction::default()
            },
        }
    }

    /// Read from an import's country and state columns, else from the address and phone.
    pub fn from_columns(
        country: &str,
        state: &str,
        address: Option<&str>,
        phone: Option<&PhoneNumber>,
    ) -> Jurisdiction {
        match place_of_columns(country, state) {
            Some((country, region)) => Jurisdiction {
                country: Some(country),
                region,
                area_code_region: phone.and_then(area_code_region),
                source: Some(JurisdictionSource::Address),
            },
            None => Jurisdiction::derive(address, phone),
        }
    }

    /// Set by hand (the region's country when only a region is given); the area-code region
    /// still comes from the phone.
    pub fn by_hand(
        country: Option<Country>,
        region: Option<Region>,
        phone: Option<&PhoneNumber>,
    ) -> Result<Jurisdiction, PlaceError> {
        let country = match (country, region) {
            (Some(country), Some(region)) if region.country() != country => {
                return Err(PlaceError::Mismatch { country, region })
            }
            (country, region) => country.or(region.map(Region::country)),
        };
        Ok(Jurisdiction {
            country,
            region,
            area_code_region: phone.and_then(area_code_region),
            source: country.map(|_| JurisdictionSource::Manual),
        })
    }

    /// Whether the law of `country` applies: the contact's country or its area code's.
    pub fn in_country(&self, country: Country) -> bool {
        self.country == Some(country) || self.area_code_region.map(Region::country) == Some(country)
    }

    /// Whether the law of `region` applies: the contact's region or its area code's.
    pub fn in_region(&self, region: Region) -> bool {
        self.region == Some(region) || self.area_code_region == Some(region)
    }

    /// How the page says where the jurisdiction came from.
    pub fn describe(&self) -> String {
        let place = match (self.region, self.country) {
            (Some(region), _) => format!("{} ({region})", region.name()),
            (None, Some(country)) => country.to_string(),
            (None, None) => "Unknown".to_owned(),
        };
        let from = match self.source {
            Some(JurisdictionSource::Address) => " — from the address",
            Some(JurisdictionSource::Phone) => " — from the phone number",
            Some(JurisdictionSource::Manual) => " — set by hand",
            None => "",
        };
        let area = match self.area_code_region {
            Some(area) if Some(area) != self.region => {
                format!("; the phone's area code is in {} ({area})", area.name())
            }
            _ => String::new(),
        };
        format!("{place}{from}{area}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone(text: &str) -> PhoneNumber {
        PhoneNumber::parse(text).unwrap()
    }

    #[test]
    fn the_area_code_gives_a_state_or_province() {
        assert_eq!(
            area_code_region(&phone("+1 (305) 555-0100"))
                .unwrap()
                .to_string(),
            "US-FL"
        );
        assert_eq!(
            area_code_region(&phone("1-214-555-0100"))
                .unwrap()
                .to_string(),
            "US-TX"
        );
        assert_eq!(
            area_code_region(&phone("416 555 0100"))
                .unwrap()
                .to_string(),
            "CA-ON"
        );
        assert_eq!(area_code_region(&phone("+33 1 23 45 67 89")), None);
        assert_eq!(area_code_region(&phone("+1 800 555 0100")), None);
    }

    #[test]
    fn the_address_wins_and_the_area_code_is_kept_beside_it() {
        let j = Jurisdiction::derive(
            Some("1 Market St\nSan Francisco, CA 94105"),
            Some(&phone("+1 305 555 0100")),
        );
        assert_eq!(j.region.unwrap().to_string(), "US-CA");
        assert_eq!(j.area_code_region.unwrap().to_string(), "US-FL");
        assert_eq!(j.source, Some(JurisdictionSource::Address));
        assert!(j.in_region(Region::parse("US-FL").unwrap()));
        assert!(j.in_region(Region::parse("US-CA").unwrap()));
        assert!(!j.in_region(Region::parse("US-TX").unwrap()));
        assert_eq!(
            j.describe(),
            "California (US-CA) — from the address; the phone's area code is in Florida (US-FL)"
        );
    }

    #[test]
    fn without_an_address_the_phone_decides() {
        let j = Jurisdiction::derive(None, Some(&phone("+1 512 555 0100")));
        assert_eq!(j.region.unwrap().to_string(), "US-TX");
        assert_eq!(j.source, Some(JurisdictionSource::Phone));
        let fr = Jurisdiction::derive(Some("somewhere"), Some(&phone("+33 6 12 34 56 78")));
        assert_eq!(fr.country, Some(Country::FR));
        assert_eq!(fr.region, None);
        assert_eq!(Jurisdiction::derive(None, None), Jurisdiction::default());
    }

    #[test]
    fn by_hand_a_region_must_be_in_its_country() {
        let fl = Region::parse("US-FL").unwrap();
        let j = Jurisdiction::by_hand(None, Some(fl), None).unwrap();
        assert_eq!(j.country, Some(Country::US));
        assert_eq!(j.source, Some(JurisdictionSource::Manual));
        assert!(Jurisdiction::by_hand(Some(Country::FR), Some(fl), None).is_err());
    }
}
