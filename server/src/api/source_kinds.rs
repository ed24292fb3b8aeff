//! The bodies of `POST /api/v1/sources` and `POST /api/v1/sources/{id}/rotate` as the OpenAPI
//! document states them: the secret sits in the fields the source's kind names (or in
//! `secret`), every other kind's field absent or null. Built from
//! [`SourceKind::secret_fields`], the table the server reads.

use super::sources::{NewSourceBody, RotateBody};
use app::domain::senders::SourceKind;
use app::domain::wire_schema::{
    PostmarkPasswordText, PostmarkUserText, SecretPairText, SecretText, TopicArnText,
};
use utoipa::openapi::schema::{
    AllOfBuilder, AnyOfBuilder, ObjectBuilder, OneOfBuilder, Schema, Type,
};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

/// Documents the body of `POST /api/v1/sources` (the handler reads a [`NewSourceBody`]).
pub struct ConnectSourceBody;

impl PartialSchema for ConnectSourceBody {
    fn schema() -> RefOr<Schema> {
        AllOfBuilder::new()
            .item(Ref::from_schema_name(NewSourceBody::name()))
            .item(
                SourceKind::ALL
                    .iter()
                    .fold(OneOfBuilder::new(), |one_of, kind| {
                        one_of.item(of_kind(*kind))
                    }),
            )
            .description(Some(
                "A source to connect: its secret in the field(s) its kind names (`sendgrid` \
                 `public_key`, `mailgun` `signing_key`, `twilio_sms` and `twilio_voice` \
                 `auth_token`, `postmark` `username` and `password`, `aircall` `token`, `ses` \
                 `topic_arn`) or in `secret`; a field of another kind is refused unless absent \
                 or null.",
            ))
            .into()
    }
}

impl ToSchema for ConnectSourceBody {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((NewSourceBody::name().into_owned(), NewSourceBody::schema()));
        NewSourceBody::schemas(schemas);
        secret_schemas(schemas);
    }
}

/// The secrets' own schemas, which the rules refer to.
fn secret_schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
    fn push<T: ToSchema>(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((T::name().into_owned(), T::schema()));
    }
    push::<SecretText>(schemas);
    push::<SecretPairText>(schemas);
    push::<PostmarkUserText>(schemas);
    push::<PostmarkPasswordText>(schemas);
    push::<TopicArnText>(schemas);
}

/// Documents the body of `POST /api/v1/sources/{id}/rotate` (the handler reads a
/// [`RotateBody`]).
pub struct RotateSourceBody;

impl PartialSchema for RotateSourceBody {
    fn schema() -> RefOr<Schema> {
        AllOfBuilder::new()
            .item(Ref::from_schema_name(RotateBody::name()))
            .item(
                SourceKind::ALL
                    .iter()
                    .fold(AnyOfBuilder::new(), |any_of, kind| {
                        any_of.item(secret_of(*kind))
                    }),
            )
            .description(Some(
                "A new secret in the field(s) the source's kind names (see `ConnectSourceBody`) \
                 or in `secret`; a field of another kind is refused unless absent or \
                 null.",
            ))
            .into()
    }
}

impl ToSchema for RotateSourceBody {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((RotateBody::name().into_owned(), RotateBody::schema()));
        RotateBody::schemas(schemas);
        secret_schemas(schemas);
    }
}

/// A reference to the schema of `T`.
fn text<T: ToSchema>() -> Ref {
    Ref::from_schema_name(T::name())
}

/// Absent or null.
fn null() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Null)
}

/// The rules for one kind: its name, and its secret as [`secret_of`] says.
fn of_kind(kind: SourceKind) -> AllOfBuilder {
    let name = ObjectBuilder::new()
        .property(
            "kind",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some([kind.as_str()])),
        )
        .required("kind");
    AllOfBuilder::new().item(name).item(secret_of(kind))
}

/// The secret of a source of `kind`: no other kind's field, and its own or `secret` given.
fn secret_of(kind: SourceKind) -> AllOfBuilder {
    let own = kind.secret_fields();
    let others = SourceKind::ALL
        .iter()
        .flat_map(|k| k.secret_fields().iter().copied())
        .filter(|field| !own.contains(field));
    let fields = others.fold(ObjectBuilder::new(), |object, field| {
        object.property(field, null())
    });
    let (by_name, secret) = match kind {
        SourceKind::Postmark => (
            ObjectBuilder::new()
                .property("username", text::<PostmarkUserText>())
                .property("password", text::<PostmarkPasswordText>())
                .required("username")
                .required("password"),
            text::<SecretPairText>(),
        ),
        SourceKind::Ses => (
            ObjectBuilder::new()
                .property(own[0], text::<TopicArnText>())
                .required(own[0]),
            text::<TopicArnText>(),
        ),
        _ => (
            ObjectBuilder::new()
                .property(own[0], text::<SecretText>())
                .required(own[0]),
            text::<SecretText>(),
        ),
    };
    let generic = own.iter().fold(
        ObjectBuilder::new()
            .property("secret", secret)
            .required("secret"),
        |object, field| object.property(*field, null()),
    );
    AllOfBuilder::new()
        .item(fields)
        .item(AnyOfBuilder::new().item(by_name).item(generic))
}
