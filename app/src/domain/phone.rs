//! A phone number, checked once at the edge: digits with the usual punctuation.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A plausible phone number: an optional leading `+`, then 5 to 20 digits, with blanks, dots,
/// dashes and parentheses allowed between them. Kept as written (trimmed).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

/// Why a text is not a phone number.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid phone number: {0}")]
pub struct PhoneError(pub &'static str);

impl PhoneNumber {
    /// Parses a number such as `+1 (617) 555-0100`.
    pub fn parse(text: &str) -> Result<PhoneNumber, PhoneError> {
        let text = text.trim();
        let body = text.strip_prefix('+').unwrap_or(text);
        if body
            .chars()
            .any(|c| !(c.is_ascii_digit() || " .-()".contains(c)))
        {
            return Err(PhoneError(
                "only digits, blanks, . - ( ) and a leading + are allowed",
            ));
        }
        let digits = body.chars().filter(char::is_ascii_digit).count();
        if !(5..=20).contains(&digits) {
            return Err(PhoneError("expected 5 to 20 digits"));
        }
        Ok(PhoneNumber(text.to_owned()))
    }

    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Documented as the texts [`PhoneNumber::parse`] accepts.
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for PhoneNumber {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(super::wire_schema::phone_pattern()))
            .description(Some(
                "A phone number: an optional leading `+`, then 5 to 20 digits (0-9), with \
                 spaces, dots, dashes and parentheses allowed between them. Kept as written \
                 (trimmed).",
            ))
            .examples(["+1 (617) 555-0100"])
            .into()
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for PhoneNumber {}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        PhoneNumber::parse(&text)
    }
}

impl From<PhoneNumber> for String {
    fn from(number: PhoneNumber) -> String {
        number.0
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_punctuated_numbers_and_refuses_letters() {
        assert_eq!(
            PhoneNumber::parse(" +1 (617) 555-0100 ").unwrap().as_str(),
            "+1 (617) 555-0100"
        );
        assert_eq!(
            PhoneNumber::parse("555-CALL").unwrap_err(),
            PhoneError("only digits, blanks, . - ( ) and a leading + are allowed")
        );
        assert_eq!(
            PhoneNumber::parse("12").unwrap_err(),
            PhoneError("expected 5 to 20 digits")
        );
    }
}
