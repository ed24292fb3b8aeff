//! The body of `PATCH /api/v1/touches/{id}` as the OpenAPI document states it: written by
//! hand, since the derived schema could not say that exactly one of `scheduled_at` and `status`
//! is sent.

use super::touches::TouchChangeBody;
use app::domain::wire_schema::{version, Instant};
use utoipa::openapi::schema::{
    AdditionalProperties, AllOfBuilder, ObjectBuilder, OneOfBuilder, RefBuilder, Schema,
    SchemaType, Type,
};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// A new time or a cancellation, at the version last read.
impl PartialSchema for TouchChangeBody {
    fn schema() -> RefOr<Schema> {
        let null = || ObjectBuilder::new().schema_type(Type::Null);
        let fields = ObjectBuilder::new()
            .property(
                "scheduled_at",
                OneOfBuilder::new().item(null()).item(
                    RefBuilder::new()
                        .ref_location_from_schema_name(Instant::name())
                        .description(Some(
                            "The new time (RFC 3339): from five minutes ago on; re-checked by \
                             the policy.",
                        )),
                ),
            )
            .property(
                "status",
                ObjectBuilder::new()
                    .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
                    .enum_values(Some([Some("cancelled"), None]))
                    .description(Some("Only `cancelled`.")),
            )
            .property(
                "version",
                version("The version last read; a stale one is refused with 409."),
            )
            .required("version")
            .additional_properties(Some(AdditionalProperties::FreeForm(false)));
        let moved = ObjectBuilder::new()
            .property(
                "scheduled_at",
                ObjectBuilder::new().schema_type(Type::String),
            )
            .property("status", null())
            .required("scheduled_at");
        let cancelled = ObjectBuilder::new()
            .property("status", ObjectBuilder::new().schema_type(Type::String))
            .property("scheduled_at", null())
            .required("status");
        AllOfBuilder::new()
            .item(fields)
            .item(OneOfBuilder::new().item(moved).item(cancelled))
            .description(Some(
                "A change to a touch at the version last read: a new `scheduled_at`, or \
                 `status: \"cancelled\"` (exactly one of the two).",
            ))
            .into()
    }
}

impl ToSchema for TouchChangeBody {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((Instant::name().into_owned(), Instant::schema()));
    }
}
