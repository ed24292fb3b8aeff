//! A small macro for the closed vocabularies of DESIGN (channels, purposes, stages, ...): each is
//! an enum with one stable lower-case name per variant, used alike by the database, the API and
//! the pages, so the names are written once.

use thiserror::Error;

/// A name that is not one of a vocabulary's values, e.g. `"fax"` for a channel.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown {what} {value:?}: expected one of {expected}")]
pub struct UnknownValue {
    /// What was being parsed, e.g. `"channel"`.
    pub what: &'static str,
    /// The text that was given.
    pub value: String,
    /// The accepted names, comma-separated.
    pub expected: String,
}

/// Declares a vocabulary enum with `ALL`, `as_str`, `parse`, `FromStr`, `Display` and serde
/// under the given names.
/// The OpenAPI schema of a closed vocabulary: a string with one of `values`.
#[cfg(feature = "ssr")]
pub fn string_enum_schema<'a>(
    values: impl Iterator<Item = &'a str>,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.map(str::to_owned)))
        .into()
}

macro_rules! str_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable name used in the database, the API and the pages.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Parses a name, ignoring surrounding blanks and ASCII case.
            pub fn parse(text: &str) -> Result<Self, $crate::domain::str_enum::UnknownValue> {
                let trimmed = text.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str().eq_ignore_ascii_case(trimmed))
                    .ok_or_else(|| $crate::domain::str_enum::UnknownValue {
                        what: $what,
                        value: text.to_owned(),
                        expected: Self::ALL
                            .iter()
                            .map(|value| value.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    })
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::str_enum::UnknownValue;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::parse(text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Documented in the OpenAPI document as a string with its closed set of values.
        #[cfg(feature = "ssr")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::domain::str_enum::string_enum_schema(
                    Self::ALL.iter().map(|value| value.as_str()),
                )
            }
        }

        #[cfg(feature = "ssr")]
        impl utoipa::ToSchema for $name {}
    };
}

pub(crate) use str_enum;
