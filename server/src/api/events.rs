//! `POST /api/v1/events`: what senders report — a touch sent, delivered or failed, or an
//! inbound interaction. One event or a list; each is accepted, recognised as a duplicate or
//! rejected with a reason, on its own. The same event (by the calling token, the event's kind
//! and its `external_id`) twice counts once.

use super::{ApiError, ApiJson, Caller, ErrorBody};
use app::{
    domain::{
        ids::{ContactId, TouchId},
        new_touch::parse_instant,
        Channel, DeliveryKind, InteractionKind,
    },
    state::AppState,
    store::{events, events::Ingested, Failure},
};
use axum::{extract::State, http::StatusCode, Json};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// The most events one request may carry.
const MAX_EVENTS: usize = 1_000;

/// One event, tagged by `type`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum EventBody {
    /// The touch went out.
    Sent(DeliveryBody),
    /// The touch was delivered.
    Delivered(DeliveryBody),
    /// The touch could not be sent.
    Failed(DeliveryBody),
    /// The contact did something.
    Interaction(InteractionBody),
}

/// A delivery event.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DeliveryBody {
    /// The touch.
    touch_id: i64,
    /// When (RFC 3339).
    at: String,
    /// The sender's id for this event, for idempotency.
    external_id: Option<String>,
    /// The provider's id of the message or call (SendGrid's `sg_message_id`, Twilio's
    /// `MessageSid`, …): remembered with the event, so the provider's own webhook events
    /// that carry only that id find the touch.
    message_id: Option<String>,
}

/// An inbound interaction.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InteractionBody {
    /// The contact.
    contact_id: i64,
    /// reply, download, webinar, form, call_in, purchase or unsubscribe.
    kind: String,
    /// The channel it came on.
    channel: String,
    /// When (RFC 3339).
    at: String,
    /// The sender's id for this event, for idempotency.
    external_id: Option<String>,
}

/// What was accepted and what was not (with the event's position in the list).
#[derive(Debug, Serialize, ToSchema)]
pub struct EventsAnswer {
    /// Events recorded now.
    accepted: usize,
    /// Events recorded before (same token, kind and `external_id`): nothing changed.
    duplicates: usize,
    /// Events refused, each with its index and why.
    rejected: Vec<RejectedEvent>,
}

/// One refused event.
#[derive(Debug, Serialize, ToSchema)]
pub struct RejectedEvent {
    /// Its position in the list (0 for a single event).
    index: usize,
    /// Why, naming the field.
    error: String,
}

/// Records events.
#[utoipa::path(post, path = "/api/v1/events", operation_id = "report_events", tag = "events", request_body = Vec<EventBody>,
    security(("bearer" = [])),
    responses(
        (status = 202, description = "Accepted (see rejected)", body = EventsAnswer),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or bad token", body = ErrorBody),
        (status = 413, description = "Body or list too large", body = ErrorBody),
        (status = 429, description = "Rate-limited", body = ErrorBody),
    ))]
pub async fn ingest(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<Value>,
) -> Result<(StatusCode, Json<EventsAnswer>), ApiError> {
    let items = match body {
        Value::Array(items) => items,
        single => vec![single],
    };
    if items.len() > MAX_EVENTS {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("at most {MAX_EVENTS} events a request"),
        ));
    }
    let mut answer = EventsAnswer {
        accepted: 0,
        duplicates: 0,
        rejected: Vec::new(),
    };
    let source = caller.source();
    for (index, item) in items.into_iter().enumerate() {
        match record(&state, &source, item).await {
            Ok(Ingested::Recorded) => answer.accepted += 1,
            Ok(Ingested::Duplicate) => answer.duplicates += 1,
            Err(error) => answer.rejected.push(RejectedEvent { index, error }),
        }
    }
    Ok((StatusCode::ACCEPTED, Json(answer)))
}

async fn record(state: &AppState, source: &str, item: Value) -> Result<Ingested, String> {
    let event: EventBody = serde_json::from_value(item).map_err(|e| e.to_string())?;
    let now = Utc::now();
    let parsed = match event {
        EventBody::Sent(d) => delivery(DeliveryKind::Sent, d)?,
        EventBody::Delivered(d) => delivery(DeliveryKind::Delivered, d)?,
        EventBody::Failed(d) => delivery(DeliveryKind::Failed, d)?,
        EventBody::Interaction(i) => events::Event::Interaction {
            contact: ContactId(i.contact_id),
            kind: InteractionKind::parse(&i.kind).map_err(|e| format!("kind: {e}"))?,
            channel: Channel::parse(&i.channel).map_err(|e| format!("channel: {e}"))?,
            at: parse_instant("at", &i.at).map_err(|e| e.to_string())?,
            external_id: i.external_id,
        },
    };
    match events::ingest(&state.pool, source, &parsed, now).await {
        Ok(ingested) => Ok(ingested),
        Err(Failure::Refused(refusal)) => Err(refusal.to_string()),
        Err(Failure::Store(e)) => {
            tracing::error!(error = %e, "cannot record an event");
            Err("the event could not be stored; retry later".into())
        }
    }
}

fn delivery(kind: DeliveryKind, body: DeliveryBody) -> Result<events::Event, String> {
    Ok(events::Event::Delivery {
        touch: TouchId(body.touch_id),
        kind,
        at: parse_instant("at", &body.at).map_err(|e| e.to_string())?,
        external_id: body.external_id,
        message_id: body.message_id,
    })
}
