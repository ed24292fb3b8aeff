//! What the senders tell Concord: each provider's webhook payload (facts: SENDERS.md) parsed
//! into one normalised list of [`Signal`]s, which the store maps onto the ledger. Pure: the
//! signature schemes are checked at the edge before a payload gets here, and nothing here
//! knows the database.

mod aircall;
mod kind;
mod mailgun;
mod mailgun_route;
mod opt_out;
mod postmark;
mod secret_fields;
mod sendgrid;
mod ses;
mod signal;
#[cfg(feature = "ssr")]
pub mod sns_signature;
mod twilio;

pub use kind::{SecretForm, SourceKind};
pub use opt_out::{keyword, Keyword};
pub use secret_fields::SecretFields;
pub use ses::{cert_url_allowed, envelope, signals, SnsEnvelope, SnsType};
pub use signal::{Engagement, Outcome, Signal, Target};

use chrono::{DateTime, Utc};

/// Why a verified payload could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PayloadError(pub String);

impl PayloadError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        PayloadError(message.into())
    }
}

/// One request from a provider, as received: the raw body, and the query of the URL it
/// called (Twilio's status callbacks carry `concord_touch_id` there).
#[derive(Clone, Copy, Debug)]
pub struct Payload<'a> {
    /// The raw body.
    pub body: &'a [u8],
    /// The query string of the URL, without `?`.
    pub query: &'a str,
}

/// Reads a payload from a source of `kind` into signals, in the order received. `now` dates an
/// event whose provider gives no time.
pub fn parse(
    kind: SourceKind,
    payload: Payload<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<Signal>, PayloadError> {
    match kind {
        SourceKind::Sendgrid => sendgrid::parse(payload.body),
        SourceKind::Postmark => postmark::parse(payload.body, now).map(|s| vec![s]),
        SourceKind::Mailgun if is_json(payload.body) => {
            mailgun::parse(payload.body).map(|s| vec![s])
        }
        SourceKind::Mailgun => mailgun_route::parse(payload.body).map(|s| vec![s]),
        SourceKind::TwilioSms => twilio::parse_sms(payload, now).map(|s| vec![s]),
        SourceKind::TwilioVoice => twilio::parse_voice(payload, now).map(|s| vec![s]),
        SourceKind::Aircall => aircall::parse(payload.body).map(|s| vec![s]),
        SourceKind::Ses => ses::envelope(payload.body).and_then(|e| ses::signals(&e)),
    }
}

/// Whether a body is JSON (an object or a list) rather than a form.
pub fn is_json(body: &[u8]) -> bool {
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{' || *b == b'[')
}

/// The JSON body, or a clear error.
fn json(body: &[u8]) -> Result<serde_json::Value, PayloadError> {
    serde_json::from_slice(body).map_err(|e| PayloadError::new(format!("not JSON: {e}")))
}

/// A text field of a JSON object.
fn text<'a>(value: &'a serde_json::Value, field: &str) -> Option<&'a str> {
    value.get(field).and_then(serde_json::Value::as_str)
}

/// A Unix-seconds instant (a number, or a number in a string).
fn unix(value: Option<&serde_json::Value>) -> Option<DateTime<Utc>> {
    let secs = match value? {
        serde_json::Value::Number(n) => n.as_f64()?,
        serde_json::Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    DateTime::from_timestamp(secs.trunc() as i64, 0)
}

/// A touch id given as a number or a string of digits.
fn touch_id(value: Option<&serde_json::Value>) -> Option<crate::domain::ids::TouchId> {
    let id = match value? {
        serde_json::Value::Number(n) => n.as_i64()?,
        serde_json::Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    (id > 0).then_some(crate::domain::ids::TouchId(id))
}

/// The metadata key senders put the touch's id under.
pub const TOUCH_KEY: &str = "concord_touch_id";
