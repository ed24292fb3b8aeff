//! A consent topic's id: a short lowercase slug (`newsletter`, `sales_outreach`) that touches,
//! contacts and the API name.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A topic id: 1–40 of `a-z`, `0-9` and `_`, starting with a letter.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Topic(String);

impl Topic {
    /// Parses a topic id, trimming it and folding it to lower case.
    pub fn parse(text: &str) -> Result<Topic, String> {
        let id = text.trim().to_ascii_lowercase();
        let valid = (1..=40).contains(&id.len())
            && id.starts_with(|c: char| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if valid {
            Ok(Topic(id))
        } else {
            Err(format!(
                "{:?} is not a topic id: use 1 to 40 lowercase letters, digits and _, starting with a letter (e.g. newsletter)",
                text.trim()
            ))
        }
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Documented as the texts [`Topic::parse`] accepts.
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for Topic {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(crate::domain::wire_schema::topic_pattern()))
            .description(Some(
                "A consent topic id: 1 to 40 letters, digits and `_`, starting with a letter; \
                 read in lower case.",
            ))
            .examples(["newsletter"])
            .into()
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for Topic {}

impl TryFrom<String> for Topic {
    type Error = String;
    fn try_from(text: String) -> Result<Topic, String> {
        Topic::parse(&text)
    }
}

impl From<Topic> for String {
    fn from(topic: Topic) -> String {
        topic.0
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Topic;

    #[test]
    fn slugs_parse_and_anything_else_is_refused() {
        assert_eq!(Topic::parse(" Newsletter ").unwrap().as_str(), "newsletter");
        assert!(Topic::parse("sales_outreach2").is_ok());
        for bad in ["", "2fast", "a b", "x-y", &"a".repeat(41)] {
            assert!(Topic::parse(bad).is_err(), "{bad:?}");
        }
    }
}
