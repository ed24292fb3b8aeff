//! `GET /api/openapi.json`: the API described from the code, so it cannot drift.

use axum::Json;
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};

/// The OpenAPI document of Concord's REST API.
#[derive(OpenApi)]
#[openapi(
    info(title = "Concord API", description = "Concord's REST API for external senders and integrations.

What every request body is held to beyond its schema: no text holds the NUL character (U+0000); integers are written without a fraction or exponent (`3`, not `3.0`); most names from a closed list (channels, purposes, stages, roles, decisions…) are also read in any case and with blanks around them, but a time zone's name is read as written (blanks around it aside) and a touch's `status` only as `cancelled`; text fields are trimmed, and length limits on addresses count bytes (UTF-8), not characters. Ids that a body names (a contact, a team, a user, a topic) must exist; times that plan something must not have passed (five minutes' grace)."),
    paths(
        super::teams::create, super::users::create, super::users::list, super::users::patch, super::tokens::create, super::tokens::revoke,
        super::contacts::create, super::import::import, super::contacts::get, super::contacts::patch,
        super::timeline::get, super::claims::claim, super::claims::release,
        super::touches::create, super::touches::log, super::touches::patch, super::touches::list,
        super::check::check, super::campaigns::preview, super::campaigns::create, super::events::ingest, super::reviews::decide,
        super::feeds::create, super::feeds::list, super::feeds::revoke,
        super::rules::list, super::rules::put, super::packs::list, super::packs::patch, super::packs::edit_rule, super::packs::reset_rule,
        super::blackouts::list, super::blackouts::create, super::blackouts::delete,
        super::topics::list, super::topics::create,
        super::suppression::list, super::suppression::import, super::suppression::remove,
        super::lease::lease, super::sources::create, super::sources::list, super::sources::rotate,
        super::sources::disable, super::sources::dead_letters, super::sources::replay,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "admin", description = "Teams, users and API tokens (admins)"),
        (name = "contacts", description = "Contacts and their timelines"),
        (name = "feeds", description = "The caller's calendar feed URLs"),
        (name = "rules", description = "The contact policy: each rule with its version"),
        (name = "touches", description = "Planning touches: atomic, checked by the contact policy"),
        (name = "send gate", description = "May I send this now?"),
        (name = "events", description = "What was sent and what came back"),
        (name = "ownership", description = "Claims"),
        (name = "reviews", description = "Managers' decisions on pending touches"),
        (name = "campaigns", description = "Bulk sends: preview per rule before planning"),
        (name = "senders", description = "Providers' webhooks received at /hooks/{id}, and what could not be mapped"),
    ),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Serves the document.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use super::ApiDoc;
    use serde_json::Value;
    use utoipa::OpenApi;

    fn document() -> Value {
        serde_json::to_value(ApiDoc::openapi()).expect("the document serializes")
    }

    /// Every `$ref` anywhere in `value`.
    fn refs<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => map.iter().for_each(|(key, value)| match value {
                Value::String(target) if key == "$ref" => found.push(target),
                _ => refs(value, found),
            }),
            Value::Array(items) => items.iter().for_each(|item| refs(item, found)),
            _ => {}
        }
    }

    #[test]
    fn every_reference_names_a_schema_of_the_document() {
        let doc = document();
        let mut found = Vec::new();
        refs(&doc, &mut found);
        assert!(!found.is_empty());
        for target in found {
            let name = target.strip_prefix("#/components/schemas/").expect(target);
            assert!(
                doc["components"]["schemas"][name].is_object(),
                "{target} is not in the document"
            );
        }
    }

    #[test]
    fn a_path_parameter_is_in_its_path_and_others_are_not_in_the_path() {
        let doc = document();
        let paths = doc["paths"].as_object().expect("paths");
        for (path, item) in paths {
            for (method, operation) in item.as_object().expect("a path item") {
                for parameter in operation["parameters"].as_array().into_iter().flatten() {
                    let name = parameter["name"].as_str().expect("a name");
                    let in_path = path.contains(&format!("{{{name}}}"));
                    assert_eq!(
                        parameter["in"] == "path",
                        in_path,
                        "{method} {path}: parameter {name} is documented in {}",
                        parameter["in"]
                    );
                }
            }
        }
    }
}
