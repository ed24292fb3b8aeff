//! `GET /api/openapi.json`: the API described from the code, so it cannot drift.

use axum::Json;
use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};

/// The OpenAPI document of Concord's REST API.
#[derive(OpenApi)]
#[openapi(
    info(title = "Concord API", description = "Concord's REST API for external senders and integrations."),
    paths(super::teams::create, super::users::create, super::tokens::create),
    modifiers(&BearerAuth),
    tags((name = "admin", description = "Teams, users and API tokens (admins)")),
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
