//! Where a contact is, for the law: a country (ISO 3166-1 alpha-2, `US`) and, where it matters,
//! a region (ISO 3166-2, `US-FL`). Both are small copyable codes, checked once at the edge.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A country, by its ISO 3166-1 alpha-2 code (`US`, `CA`, `FR`, `GB`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country([u8; 2]);

/// A region, by its ISO 3166-2 code (`US-FL`, `CA-QC`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Region {
    country: Country,
    /// The subdivision's letters or digits, padded with zero bytes.
    sub: [u8; 3],
}

/// A country or region code that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PlaceError {
    /// Not two letters.
    #[error("invalid country {0:?}: expected an ISO 3166-1 alpha-2 code such as US or FR")]
    Country(String),
    /// Not `CC-SUB`.
    #[error("invalid region {0:?}: expected an ISO 3166-2 code such as US-FL or CA-QC")]
    Region(String),
    /// A region of another country than the one given.
    #[error("region {region} is not in country {country}")]
    Mismatch {
        /// The country given.
        country: Country,
        /// The region given.
        region: Region,
    },
}

impl Country {
    /// The United States.
    pub const US: Country = Country(*b"US");
    /// Canada.
    pub const CA: Country = Country(*b"CA");
    /// France.
    pub const FR: Country = Country(*b"FR");
    /// The United Kingdom (ISO's code is `GB`).
    pub const GB: Country = Country(*b"GB");

    /// Parses a two-letter code in any case (`us` → `US`).
    pub fn parse(text: &str) -> Result<Country, PlaceError> {
        let bytes = text.trim().as_bytes();
        match bytes {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(Country([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(PlaceError::Country(text.to_owned())),
        }
    }

    /// The code, e.g. `"US"`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The country's English name where Concord knows it, else its code.
    pub fn name(self) -> &'static str {
        match &self.0 {
            b"US" => "the United States",
            b"CA" => "Canada",
            b"FR" => "France",
            b"GB" => "the United Kingdom",
            _ => "another country",
        }
    }
}

impl Region {
    /// A region from a country and a subdivision code (`FL`); `None` when the code is not
    /// one to three letters or digits.
    pub fn new(country: Country, sub: &str) -> Option<Region> {
        let bytes = sub.as_bytes();
        if bytes.is_empty() || bytes.len() > 3 || !bytes.iter().all(u8::is_ascii_alphanumeric) {
            return None;
        }
        let mut code = [0u8; 3];
        for (slot, byte) in code.iter_mut().zip(bytes) {
            *slot = byte.to_ascii_uppercase();
        }
        Some(Region { country, sub: code })
    }

    /// A region from constant two-letter codes, for the built-in packs.
    pub const fn of(country: Country, sub: [u8; 2]) -> Region {
        Region {
            country,
            sub: [sub[0], sub[1], 0],
        }
    }

    /// Parses `US-FL` in any case.
    pub fn parse(text: &str) -> Result<Region, PlaceError> {
        let bad = || PlaceError::Region(text.to_owned());
        let (country, sub) = text.trim().split_once('-').ok_or_else(bad)?;
        let country = Country::parse(country).map_err(|_| bad())?;
        Region::new(country, sub).ok_or_else(bad)
    }

    /// The region's country.
    pub fn country(self) -> Country {
        self.country
    }

    /// The subdivision part, e.g. `"FL"`.
    pub fn sub(&self) -> &str {
        let len = self.sub.iter().position(|b| *b == 0).unwrap_or(3);
        std::str::from_utf8(&self.sub[..len]).unwrap_or("?")
    }

    /// The region's English name where Concord knows it (the US states and Canada's provinces
    /// and territories), else its code.
    pub fn name(self) -> String {
        super::names::region_name(self)
            .map(str::to_owned)
            .unwrap_or_else(|| self.to_string())
    }
}

/// Documented as the texts [`Country::parse`] accepts (answers are in capitals).
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for Country {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(crate::domain::wire_schema::country_pattern()))
            .description(Some(
                "A country, by its ISO 3166-1 alpha-2 code (`US`, `CA`, `FR`, `GB`), read in \
                 any case.",
            ))
            .examples(["US"])
            .into()
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for Country {}

/// Documented as the texts [`Region::parse`] accepts (answers are in capitals).
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for Region {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(crate::domain::wire_schema::region_pattern()))
            .description(Some(
                "A region, by its ISO 3166-2 code (`US-FL`, `CA-QC`): a country code, `-` and 1 \
                 to 3 letters or digits, read in any case.",
            ))
            .examples(["US-FL"])
            .into()
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for Region {}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.country, self.sub())
    }
}

impl TryFrom<String> for Country {
    type Error = PlaceError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Country::parse(&text)
    }
}

impl From<Country> for String {
    fn from(country: Country) -> String {
        country.to_string()
    }
}

impl TryFrom<String> for Region {
    type Error = PlaceError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Region::parse(&text)
    }
}

impl From<Region> for String {
    fn from(region: Region) -> String {
        region.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_in_any_case_and_written_in_capitals() {
        assert_eq!(Country::parse("us").unwrap(), Country::US);
        assert_eq!(Region::parse("us-fl").unwrap().to_string(), "US-FL");
        assert_eq!(Region::parse("CA-QC").unwrap().country(), Country::CA);
        assert_eq!(Region::parse("FR-75C").unwrap().sub(), "75C");
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in ["", "U", "USA", "1A"] {
            assert!(Country::parse(bad).is_err(), "{bad}");
        }
        for bad in ["US", "US-", "US-FLOR", "USA-FL", "US-F L"] {
            assert!(Region::parse(bad).is_err(), "{bad}");
        }
    }
}
