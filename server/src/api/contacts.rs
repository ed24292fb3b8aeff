//! `POST /api/v1/contacts`, `GET` and `PATCH /api/v1/contacts/{id}` (any signed caller).

use super::{ApiError, ApiJson, ApiPath, Caller, ErrorBody};
use app::{
    domain::{ids::ContactId, ContactChanges, ContactInput, ContactPatch, NewContact},
    records::Contact,
    state::AppState,
    store::contacts,
};
use axum::{extract::State, http::StatusCode, Json};
use chrono::Utc;

/// Creates a contact.
#[utoipa::path(post, path = "/api/v1/contacts", operation_id = "create_contact", tag = "contacts", request_body = ContactInput,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = Contact),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 409, description = "The external id is taken", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<ContactInput>,
) -> Result<(StatusCode, Json<Contact>), ApiError> {
    let contact = NewContact::parse(&input)?;
    let created =
        contacts::create_contact(&state.pool, &contact, Some(caller.0.id), Utc::now()).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// One contact, with its live owner.
#[utoipa::path(get, path = "/api/v1/contacts/{id}", operation_id = "get_contact", tag = "contacts",
    params(("id" = i64, Path, description = "The contact's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The contact", body = Contact),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 404, description = "No such contact", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn get(
    State(state): State<AppState>,
    _caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Contact>, ApiError> {
    contacts::get_contact(&state.pool, ContactId(id), Utc::now())
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such contact"))
}

/// Changes some fields of a contact; `version` must be the current one.
#[utoipa::path(patch, path = "/api/v1/contacts/{id}", operation_id = "update_contact", tag = "contacts", request_body = ContactPatch,
    params(("id" = i64, Path, description = "The contact's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The changed contact", body = Contact),
        (status = 400, description = "Malformed JSON or id", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 403, description = "Consent or contact turned back on, by a rep or marketer", body = ErrorBody),
        (status = 404, description = "No such contact", body = ErrorBody),
        (status = 409, description = "Stale version", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "Failed validation", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn patch(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(patch): ApiJson<ContactPatch>,
) -> Result<Json<Contact>, ApiError> {
    let changes = ContactChanges::parse(&patch)?;
    contacts::update_contact(
        &state.pool,
        ContactId(id),
        &changes,
        &caller.0.actor(),
        Utc::now(),
    )
    .await
    .map(Json)
    .map_err(ApiError::from)
}
