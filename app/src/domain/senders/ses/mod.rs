//! Amazon SES through Amazon SNS: SNS posts a signed envelope whose `Message` is a string
//! holding SES's JSON, a notification (`notificationType`) or an event-publishing record
//! (`eventType`). Reading only: the edge checks the signature over
//! [`SnsEnvelope::string_to_sign`] under a certificate from a URL [`cert_url_allowed`] accepts,
//! then the topic and the age, before asking for [`signals`].

use super::{json, PayloadError};
use base64::Engine;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::fmt;

mod cert_url;
mod events;
#[cfg(test)]
mod tests;

pub use cert_url::cert_url_allowed;
use events::rfc3339;
pub use events::signals;

/// What an SNS message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnsType {
    /// A message published to the topic (here, SES's).
    Notification,
    /// SNS asks the endpoint to confirm a new subscription (by visiting `SubscribeURL`).
    SubscriptionConfirmation,
    /// SNS says the subscription was removed.
    UnsubscribeConfirmation,
}

impl SnsType {
    /// The `Type` SNS writes, which is also signed.
    fn as_str(self) -> &'static str {
        match self {
            SnsType::Notification => "Notification",
            SnsType::SubscriptionConfirmation => "SubscriptionConfirmation",
            SnsType::UnsubscribeConfirmation => "UnsubscribeConfirmation",
        }
    }
}

/// An SNS message (the HTTP body SNS posts), read but not yet verified.
#[derive(Clone, PartialEq, Eq)]
pub struct SnsEnvelope {
    /// `Type`.
    pub kind: SnsType,
    /// `MessageId`: kept when SNS retries, so it de-duplicates.
    pub message_id: String,
    /// `TopicArn`: the edge refuses a topic it does not expect.
    pub topic_arn: String,
    /// `Subject`, when the publisher gave one.
    pub subject: Option<String>,
    /// `Message`, as is (for SES, a JSON document in a string).
    pub message: String,
    /// `Timestamp`, as sent: it is signed as text.
    pub timestamp: String,
    /// `SignatureVersion`: 1 (RSA with SHA1) or 2 (RSA with SHA256).
    pub signature_version: u8,
    /// `Signature`, base64-decoded.
    pub signature: Vec<u8>,
    /// `SigningCertURL`: fetch it only if [`cert_url_allowed`].
    pub signing_cert_url: String,
    /// `SubscribeURL` (confirmations only): visiting it confirms the subscription.
    pub subscribe_url: Option<String>,
    /// `Token` (confirmations only).
    pub token: Option<String>,
}

/// Keeps the message (recipients' addresses), the token and the subscribe URL out of logs.
impl fmt::Debug for SnsEnvelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hidden = |present: bool| if present { "<hidden>" } else { "<none>" };
        f.debug_struct("SnsEnvelope")
            .field("kind", &self.kind)
            .field("message_id", &self.message_id)
            .field("topic_arn", &self.topic_arn)
            .field("subject", &self.subject)
            .field("message", &format_args!("<{} bytes>", self.message.len()))
            .field("timestamp", &self.timestamp)
            .field("signature_version", &self.signature_version)
            .field(
                "signature",
                &format_args!("<{} bytes>", self.signature.len()),
            )
            .field("signing_cert_url", &self.signing_cert_url)
            .field("subscribe_url", &hidden(self.subscribe_url.is_some()))
            .field("token", &hidden(self.token.is_some()))
            .finish()
    }
}

/// Reads the body SNS posted (400-worthy PayloadError when malformed or a field is missing).
pub fn envelope(body: &[u8]) -> Result<SnsEnvelope, PayloadError> {
    let value = json(body)?;
    if !value.is_object() {
        return Err(PayloadError::new("SNS posts one JSON object"));
    }
    let optional = |name: &str| match value.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(PayloadError::new(format!("`{name}` is not text"))),
    };
    let required =
        |name: &str| optional(name)?.ok_or_else(|| PayloadError::new(format!("no `{name}`")));
    let kind = match required("Type")?.as_str() {
        "Notification" => SnsType::Notification,
        "SubscriptionConfirmation" => SnsType::SubscriptionConfirmation,
        "UnsubscribeConfirmation" => SnsType::UnsubscribeConfirmation,
        other => return Err(PayloadError::new(format!("unknown SNS Type {other:?}"))),
    };
    let signature_version = match value.get("SignatureVersion") {
        Some(Value::String(v)) if v == "1" => 1,
        Some(Value::String(v)) if v == "2" => 2,
        None | Some(Value::Null) => return Err(PayloadError::new("no `SignatureVersion`")),
        Some(other) => {
            return Err(PayloadError::new(format!(
                "unsupported SignatureVersion {other} (1 or 2)"
            )))
        }
    };
    let signature = base64::engine::general_purpose::STANDARD
        .decode(required("Signature")?)
        .ok()
        .filter(|bytes| !bytes.is_empty())
        .ok_or_else(|| PayloadError::new("`Signature` is not base64"))?;
    let (subscribe_url, token) = match kind {
        SnsType::Notification => (None, None),
        _ => (Some(required("SubscribeURL")?), Some(required("Token")?)),
    };
    Ok(SnsEnvelope {
        kind,
        message_id: required("MessageId")?,
        topic_arn: required("TopicArn")?,
        subject: optional("Subject")?,
        message: required("Message")?,
        timestamp: required("Timestamp")?,
        signature_version,
        signature,
        signing_cert_url: required("SigningCertURL")?,
        subscribe_url,
        token,
    })
}

impl SnsEnvelope {
    /// The exact text SNS signs, per AWS's "Verifying the signatures of Amazon SNS messages":
    /// Notification: Message, MessageId, Subject (only if present), Timestamp, TopicArn, Type;
    /// SubscriptionConfirmation / UnsubscribeConfirmation: Message, MessageId, SubscribeURL,
    /// Timestamp, Token, TopicArn, Type — each as "Name\nvalue\n".
    pub fn string_to_sign(&self) -> String {
        let confirmation = self.kind != SnsType::Notification;
        let or_empty = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut fields = vec![
            ("Message", self.message.clone()),
            ("MessageId", self.message_id.clone()),
        ];
        if confirmation {
            fields.push(("SubscribeURL", or_empty(&self.subscribe_url)));
        } else if let Some(subject) = &self.subject {
            fields.push(("Subject", subject.clone()));
        }
        fields.push(("Timestamp", self.timestamp.clone()));
        if confirmation {
            fields.push(("Token", or_empty(&self.token)));
        }
        fields.push(("TopicArn", self.topic_arn.clone()));
        fields.push(("Type", self.kind.as_str().to_owned()));
        fields
            .iter()
            .map(|(name, value)| format!("{name}\n{value}\n"))
            .collect()
    }

    /// When SNS says it sent it (parsed from `timestamp`), for the staleness check.
    pub fn sent_at(&self) -> Option<DateTime<Utc>> {
        rfc3339(Some(&self.timestamp))
    }
}
