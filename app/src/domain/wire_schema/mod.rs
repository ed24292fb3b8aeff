//! The OpenAPI schemas of text the API reads: regular expressions that accept exactly the texts
//! the domain's parsers accept, surrounding blanks included (the parsers trim them), so that a
//! client generated from the document sends what the server takes. Server only.

mod patterns;

pub use patterns::{
    country_pattern, email_pattern, label_pattern, non_blank_pattern, phone_pattern,
    postmark_password_pattern, postmark_user_pattern, region_pattern, secret_pair_pattern,
    secret_pattern, topic_arn_pattern, topic_pattern, wording_pattern,
};
use patterns::{or_blank, COUNTRY, EMAIL, PHONE, REGION, TOPIC};

use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

/// The `version` a write sends back (the one last read), described: a stale one is refused.
pub fn version(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .description(Some(description))
}

/// A string schema with `pattern`, described.
fn text(pattern: String, description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
        .description(Some(description))
}

/// Declares schema-only types: each names a component of the document whose schema is built
/// by the given expression (the wire fields stay `String`; their parsers are the ones above).
macro_rules! wire_schema {
    ($($(#[$meta:meta])* $name:ident => $schema:expr;)+) => {$(
        $(#[$meta])*
        pub struct $name;

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                $schema.into()
            }
        }

        impl ToSchema for $name {}
    )+};
}

wire_schema! {
    /// Text with at least one character that is not a blank.
    NonBlankText => text(
        non_blank_pattern(),
        "Text with at least one character that is not a blank; it is trimmed.",
    );
    /// A label or short name: 1 to 100 characters once trimmed, no control characters.
    LabelText => text(
        label_pattern(),
        "1 to 100 characters once trimmed, none of them a control character.",
    );
    /// Consent evidence's wording.
    WordingText => text(
        wording_pattern(),
        "At most 500 characters once trimmed; only blanks means none.",
    );
    /// An RFC 3339 instant in the years Concord plans in.
    Instant => ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
        .pattern(Some(r"^(?:19|2[0-9])[0-9]{2}-"))
        .description(Some(
            "An RFC 3339 instant, e.g. `2030-11-25T14:00:00Z`, in the years 1900 to 2999 once \
             converted to UTC; a leap second (`:60`) is refused.",
        ))
        .examples(["2030-11-25T14:00:00Z"]);
    /// An email address, or blanks for none.
    EmailOrBlank => text(
        or_blank(EMAIL),
        "An email address (see `EmailAddress`), or only blanks for none.",
    );
    /// A phone number, or blanks for none.
    PhoneOrBlank => text(
        or_blank(PHONE),
        "A phone number (see `PhoneNumber`), or only blanks for none.",
    );
    /// A country code, or blanks for none.
    CountryOrBlank => text(
        or_blank(COUNTRY),
        "An ISO 3166-1 alpha-2 code in any case, e.g. `US`, or only blanks for none.",
    );
    /// A region code, or blanks for none.
    RegionOrBlank => text(
        or_blank(REGION),
        "An ISO 3166-2 code in any case, e.g. `US-FL`, or only blanks for none.",
    );
    /// A consent topic id, or blanks for none.
    TopicOrBlank => text(
        or_blank(TOPIC),
        "A consent topic id (1 to 40 letters, digits and `_`, starting with a letter; read in \
         lower case), or only blanks for none.",
    );
    /// A source's secret.
    SecretText => text(
        secret_pattern(),
        "A secret as the provider shows it: not blank, no control characters once trimmed.",
    );
    /// Postmark's basic-auth pair as one secret.
    SecretPairText => text(
        secret_pair_pattern(),
        "Postmark's basic-auth pair written `user:password`: no control characters once \
         trimmed.",
    );
    /// Postmark's basic-auth user.
    PostmarkUserText => text(
        postmark_user_pattern(),
        "Postmark's basic-auth user: no `:`, no control characters once trimmed (it is \
         trimmed).",
    );
    /// Postmark's basic-auth password.
    PostmarkPasswordText => text(
        postmark_password_pattern(),
        "Postmark's basic-auth password: no control characters but in trailing blanks.",
    );
    /// The SNS topic SES publishes to.
    TopicArnText => text(
        topic_arn_pattern(),
        "An SNS topic ARN, `arn:aws…:sns:<region>:<account>:<name>`, e.g. \
         `arn:aws:sns:us-east-1:123456789012:ses-events`; no part empty.",
    );
    /// Free attributes: text by key, no key blank.
    AttributeMap => ObjectBuilder::new()
        .property_names(Some(text(
            non_blank_pattern(),
            "A key with a character that is not a blank.",
        )))
        .additional_properties(Some(ObjectBuilder::new().schema_type(Type::String)))
        .description(Some(
            "Text values by key; keys and values are trimmed, no key may be blank.",
        ));
}

/// Consent per topic: a state by topic id.
pub struct TopicStates;

impl PartialSchema for TopicStates {
    fn schema() -> RefOr<Schema> {
        let state = Ref::from_schema_name(<super::consent::TopicState as ToSchema>::name());
        ObjectBuilder::new()
            .property_names(Some(text(topic_pattern(), "A consent topic id.")))
            .additional_properties(Some(RefOr::Ref(state)))
            .description(Some(
                "A consent state by topic id (1 to 40 letters, digits and `_`, starting with a \
                 letter; read in lower case). The topics must exist (`GET /api/v1/topics`).",
            ))
            .into()
    }
}

impl ToSchema for TopicStates {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        use super::consent::TopicState;
        schemas.push((TopicState::name().into_owned(), TopicState::schema()));
    }
}

#[cfg(test)]
mod tests;
