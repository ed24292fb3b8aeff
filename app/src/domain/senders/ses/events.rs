//! The SES events in an SNS notification's `Message`, one signal per recipient.

use super::{SnsEnvelope, SnsType};
use crate::domain::senders::{
    json, text, touch_id, Engagement, Outcome, PayloadError, Signal, Target, TOUCH_KEY,
};
use crate::domain::Channel;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// The SES events in a Notification's `Message`, one signal per recipient, in order.
///
/// An event without recipients (SES's `AmazonSnsSubscriptionSucceeded` test message) gives one
/// signal without an address. A `Subscription` event that keeps `unsubscribeAll` false and opts
/// out of no topic it was not already out of is only noted; any other is an unsubscribe. A
/// `Complaint` whose feedback type is `not-spam` is only noted.
pub fn signals(envelope: &SnsEnvelope) -> Result<Vec<Signal>, PayloadError> {
    if envelope.kind != SnsType::Notification {
        return Ok(Vec::new());
    }
    let event = json(envelope.message.as_bytes())
        .map_err(|e| PayloadError::new(format!("the SNS Message is {}", e.0)))?;
    if !event.is_object() {
        return Err(PayloadError::new("the SNS Message is not a JSON object"));
    }
    let kind = text(&event, "eventType")
        .or_else(|| text(&event, "notificationType"))
        .ok_or_else(|| PayloadError::new("no `notificationType` or `eventType`"))?;
    let null = Value::Null;
    let mail = event.get("mail").unwrap_or(&null);
    if kind == "Received" {
        return received(envelope, mail);
    }
    let detail = event.get(detail_key(kind)).unwrap_or(&null);
    let at = rfc3339(text(detail, "timestamp"))
        .or_else(|| rfc3339(text(mail, "timestamp")))
        .or_else(|| envelope.sent_at())
        .ok_or_else(|| PayloadError::new("no usable `timestamp`"))?;
    let (list, field) = match kind {
        "Bounce" => (detail.get("bouncedRecipients"), Some("emailAddress")),
        "Complaint" => (detail.get("complainedRecipients"), Some("emailAddress")),
        "Delivery" => (detail.get("recipients"), None),
        "DeliveryDelay" => (detail.get("delayedRecipients"), Some("emailAddress")),
        _ => (mail.get("destination"), None),
    };
    let mut recipients = recipients(list, field)?;
    if recipients.is_empty() {
        recipients.push((None, &null));
    }
    let touch = mail
        .get("tags")
        .and_then(|tags| tags.get(TOUCH_KEY))
        .and_then(|values| touch_id(values.get(0)));
    let message_id = text(mail, "messageId").map(str::to_owned);
    Ok(recipients
        .into_iter()
        .enumerate()
        .map(|(index, (address, entry))| Signal {
            event_id: format!("{}:{index}", envelope.message_id),
            at,
            channel: Channel::Email,
            target: Target {
                touch,
                message_id: message_id.clone(),
                address: address.map(str::to_owned),
            },
            outcome: outcome(kind, detail, entry),
        })
        .collect())
}

/// An email SES received for the company (a receipt rule publishing to SNS): a reply from its
/// sender, `mail.source`, unless an auto-responder sent it. The message it answers is named by
/// its `In-Reply-To` header.
fn received(envelope: &SnsEnvelope, mail: &Value) -> Result<Vec<Signal>, PayloadError> {
    let sender = text(mail, "source")
        .ok_or_else(|| PayloadError::new("no `mail.source` in a received email"))?;
    let at = rfc3339(text(mail, "timestamp"))
        .or_else(|| envelope.sent_at())
        .ok_or_else(|| PayloadError::new("no usable `timestamp`"))?;
    let header = |name: &str| {
        mail.get("headers")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .find(|h| text(h, "name").is_some_and(|n| n.eq_ignore_ascii_case(name)))
            .and_then(|h| text(h, "value"))
    };
    let automatic = header("Auto-Submitted").is_some_and(|v| !v.trim().eq_ignore_ascii_case("no"))
        || header("X-Autoreply").is_some();
    Ok(vec![Signal {
        event_id: format!("{}:0", envelope.message_id),
        at,
        channel: Channel::Email,
        target: Target {
            touch: None,
            message_id: header("In-Reply-To").map(|id| {
                id.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_owned()
            }),
            address: Some(sender.to_owned()),
        },
        outcome: if automatic {
            Outcome::Noted {
                what: "auto-reply".into(),
            }
        } else {
            Outcome::Replied
        },
    }])
}

/// The object that details an event of this type.
fn detail_key(kind: &str) -> &'static str {
    match kind {
        "Bounce" => "bounce",
        "Complaint" => "complaint",
        "Delivery" => "delivery",
        "DeliveryDelay" => "deliveryDelay",
        "Send" => "send",
        "Open" => "open",
        "Click" => "click",
        "Subscription" => "subscription",
        "Reject" => "reject",
        "Rendering Failure" => "failure",
        _ => "",
    }
}

/// The addresses of a recipient list (of strings, or of objects with `field`), each with its
/// entry (a bounce's `diagnosticCode` is there).
fn recipients<'a>(
    list: Option<&'a Value>,
    field: Option<&str>,
) -> Result<Vec<(Option<&'a str>, &'a Value)>, PayloadError> {
    let items = match list {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(PayloadError::new("a recipient list that is not a list")),
    };
    items
        .iter()
        .map(|item| {
            let address = match field {
                Some(field) => text(item, field),
                None => item.as_str(),
            };
            address
                .map(|a| (Some(a), item))
                .ok_or_else(|| PayloadError::new("a recipient without an address"))
        })
        .collect()
}

/// What an event of this type means for one recipient (`entry`, its item in the list).
fn outcome(kind: &str, detail: &Value, entry: &Value) -> Outcome {
    let field = |name: &str| text(detail, name).unwrap_or("");
    match kind {
        "Bounce" => {
            let bounce_type = field("bounceType");
            if bounce_type.eq_ignore_ascii_case("Permanent") {
                let sub_type = text(detail, "bounceSubType").unwrap_or("Permanent");
                let reason = match text(entry, "diagnosticCode") {
                    Some(code) => format!("{sub_type}: {code}"),
                    None => sub_type.to_owned(),
                };
                Outcome::Bounced { reason }
            } else if bounce_type.eq_ignore_ascii_case("Transient")
                || bounce_type.eq_ignore_ascii_case("Undetermined")
            {
                Outcome::Deferred
            } else {
                Outcome::Noted {
                    what: format!("SES bounce of type {bounce_type:?}"),
                }
            }
        }
        "Complaint" if field("complaintFeedbackType").eq_ignore_ascii_case("not-spam") => {
            Outcome::Noted {
                what: "SES not-spam feedback".into(),
            }
        }
        "Complaint" => Outcome::Complained,
        "Delivery" => Outcome::Delivered,
        "Send" => Outcome::Sent,
        "DeliveryDelay" => Outcome::Deferred,
        "Open" => Outcome::Engaged(Engagement::Open),
        "Click" => Outcome::Engaged(Engagement::Click),
        "Subscription" if !unsubscribes(detail) => Outcome::Noted {
            what: "SES subscription preferences (no opt-out)".into(),
        },
        "Subscription" => Outcome::Unsubscribed {
            reason: "SES subscription preferences".into(),
        },
        "Reject" => Outcome::Failed {
            reason: format!("SES rejected it: {}", text(detail, "reason").unwrap_or("?")),
        },
        "Rendering Failure" => Outcome::Failed {
            reason: format!(
                "SES could not render it: {}",
                text(detail, "errorMessage").unwrap_or("?")
            ),
        },
        other => Outcome::Noted {
            what: format!("SES {other}"),
        },
    }
}

/// Whether a subscription event withdraws: unless `unsubscribeAll` is explicitly false and no
/// topic was newly opted out of.
fn unsubscribes(subscription: &Value) -> bool {
    let opted_out = |prefs: Option<&Value>| -> Vec<String> {
        prefs
            .and_then(|p| p.get("topicSubscriptionStatus"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|t| {
                text(t, "subscriptionStatus")
                    .is_some_and(|s| s.replace('_', "").eq_ignore_ascii_case("OptOut"))
            })
            .map(|t| text(t, "topicName").unwrap_or("").to_owned())
            .collect()
    };
    let new = subscription.get("newTopicPreferences");
    let all = new
        .and_then(|n| n.get("unsubscribeAll"))
        .and_then(Value::as_bool);
    let before = opted_out(subscription.get("oldTopicPreferences"));
    all != Some(false) || opted_out(new).iter().any(|t| !before.contains(t))
}

/// An RFC 3339 instant.
pub(super) fn rfc3339(text: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text?)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
