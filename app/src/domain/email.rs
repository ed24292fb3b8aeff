//! An email address, checked once at the edge so the rest of the code can trust it.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A plausible email address: one `@`, a non-empty local part, a dotted domain, no blanks.
/// The domain is lower-cased; the local part is kept as given.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

/// Why a text is not an email address.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid email address {value:?}: {reason}")]
pub struct EmailError {
    /// The text that was given.
    pub value: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl EmailAddress {
    /// Parses and normalizes an address such as `Dana@Example.COM` → `Dana@example.com`.
    pub fn parse(text: &str) -> Result<EmailAddress, EmailError> {
        let fail = |reason| EmailError {
            value: text.to_owned(),
            reason,
        };
        let text = text.trim();
        if text.len() > 254 {
            return Err(fail(
                "longer than 254 bytes (a letter such as é counts as two or more)",
            ));
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(fail("contains blanks"));
        }
        let (local, domain) = text.split_once('@').ok_or_else(|| fail("missing @"))?;
        if domain.contains('@') {
            return Err(fail("more than one @"));
        }
        if local.is_empty() || local.len() > 64 {
            return Err(fail("the part before @ must have 1 to 64 bytes (a letter such as é counts as two or more)"));
        }
        let labels_ok = domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'));
        if !domain.contains('.') || !labels_ok {
            return Err(fail("the domain must look like example.com"));
        }
        Ok(EmailAddress(format!(
            "{local}@{}",
            domain.to_ascii_lowercase()
        )))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Documented as the texts [`EmailAddress::parse`] accepts; past the pattern, the address is at
/// most 254 bytes (UTF-8) and the part before `@` at most 64.
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for EmailAddress {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(super::wire_schema::email_pattern()))
            .max_length(Some(254))
            .description(Some(
                "An email address: one `@`, 1 to 64 bytes before it, a dotted domain whose labels \
                 are not empty and neither start nor end with `-`, no blanks or control \
                 characters; at most 254 bytes once trimmed. The domain is lower-cased.",
            ))
            .examples(["dana@example.com"])
            .into()
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for EmailAddress {}

impl TryFrom<String> for EmailAddress {
    type Error = EmailError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        EmailAddress::parse(&text)
    }
}

impl From<EmailAddress> for String {
    fn from(address: EmailAddress) -> String {
        address.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn normalizes_the_domain_only() {
        assert_eq!(
            EmailAddress::parse(" Dana@Example.COM ").unwrap().as_str(),
            "Dana@example.com"
        );
    }

    #[rstest]
    #[case("dana.example.com", "missing @")]
    #[case("dana@@example.com", "more than one @")]
    #[case("@example.com", "the part before @ must have 1 to 64 bytes")]
    #[case("dana@localhost", "the domain must look like example.com")]
    #[case("dana@example..com", "the domain must look like example.com")]
    #[case("da na@example.com", "contains blanks")]
    fn refuses_with_a_reason(#[case] text: &str, #[case] reason: &str) {
        assert!(
            EmailAddress::parse(text)
                .unwrap_err()
                .reason
                .starts_with(reason),
            "{text}"
        );
    }

    #[test]
    fn lengths_count_bytes_and_say_so() {
        let accents = format!("{}@example.com", "é".repeat(33));
        let reason = EmailAddress::parse(&accents).unwrap_err().reason;
        assert!(
            reason.contains("64 bytes") && reason.contains("é"),
            "{reason}"
        );
        assert!(EmailAddress::parse(&format!("{}@example.com", "é".repeat(32))).is_ok());
        let long = format!("dana@{}.com", "a".repeat(250));
        assert!(EmailAddress::parse(&long)
            .unwrap_err()
            .reason
            .contains("254 bytes"));
    }
}
