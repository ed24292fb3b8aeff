//! Postmark's webhooks: one JSON object per request, `RecordType` saying which; inbound
//! messages have none.

use super::{json, text, touch_id, Engagement, Outcome, PayloadError, Signal, Target, TOUCH_KEY};
use crate::domain::Channel;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// The signal of one webhook post.
pub fn parse(body: &[u8], now: DateTime<Utc>) -> Result<Signal, PayloadError> {
    let event = json(body)?;
    if !event.is_object() {
        return Err(PayloadError::new("Postmark posts one JSON object"));
    }
    let record = text(&event, "RecordType");
    let at_field = |field: &str| {
        text(&event, field)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    let message_id = text(&event, "MessageID").map(str::to_owned);
    let (outcome, at, address, event_id) = match record {
        None => {
            let from = event
                .get("FromFull")
                .and_then(|f| text(f, "Email"))
                .or_else(|| text(&event, "From"))
                .ok_or_else(|| PayloadError::new("an inbound message without `FromFull.Email`"))?;
            // RFC 2822, though Postmark's own samples write the zone as `-04:00`.
            let at = text(&event, "Date")
                .and_then(|d| {
                    DateTime::parse_from_rfc2822(d)
                        .or_else(|_| DateTime::parse_from_str(d, "%a, %e %b %Y %H:%M:%S %:z"))
                        .ok()
                })
                .map_or(now, |d| d.with_timezone(&Utc));
            let id = message_id
                .clone()
                .ok_or_else(|| PayloadError::new("no `MessageID`"))?;
            (
                Outcome::Replied,
                Some(at),
                Some(from.to_owned()),
                format!("inbound:{id}"),
            )
        }
        Some("Delivery") => (
            Outcome::Delivered,
            at_field("DeliveredAt"),
            text(&event, "Recipient").map(str::to_owned),
            format!("delivery:{}", message_id.clone().unwrap_or_default()),
        ),
        Some("Bounce") | Some("SpamComplaint") => {
            let kind = text(&event, "Type").unwrap_or("");
            let outcome = match (record, kind) {
                (Some("SpamComplaint"), _) | (_, "SpamComplaint") => Outcome::Complained,
                (_, "HardBounce") | (_, "BadEmailAddress") | (_, "ManuallyDeactivated") => {
                    Outcome::Bounced {
                        reason: text(&event, "Description").unwrap_or(kind).to_owned(),
                    }
                }
                (_, "AutoResponder") => Outcome::Noted {
                    what: "auto-responder (not a reply)".into(),
                },
                (_, "Transient") | (_, "SoftBounce") | (_, "DnsError") => Outcome::Deferred,
                (_, other) => Outcome::Noted {
                    what: format!("bounce of type {other}"),
                },
            };
            let id = event
                .get("ID")
                .map(|id| id.to_string())
                .ok_or_else(|| PayloadError::new("no bounce `ID`"))?;
            (
                outcome,
                at_field("BouncedAt"),
                text(&event, "Email").map(str::to_owned),
                format!("bounce:{id}"),
            )
        }
        Some("SubscriptionChange") => {
            let suppressed = event.get("SuppressSending").and_then(Value::as_bool);
            let reason = text(&event, "SuppressionReason").unwrap_or("ManualSuppression");
            let outcome = match suppressed {
                Some(true) => Outcome::Unsubscribed {
                    reason: format!("Postmark suppression ({reason})"),
                },
                _ => Outcome::Resubscribed,
            };
            let at = at_field("ChangedAt");
            let stamp = text(&event, "ChangedAt").unwrap_or("");
            let to = text(&event, "Recipient").map(str::to_owned);
            let id = format!("subscription:{}:{stamp}", to.clone().unwrap_or_default());
            (outcome, at, to, id)
        }
        Some(kind @ ("Open" | "Click")) => {
            let engagement = if kind == "Open" {
                Engagement::Open
            } else {
                Engagement::Click
            };
            let at = at_field("ReceivedAt");
            let stamp = text(&event, "ReceivedAt").unwrap_or("");
            let id = format!(
                "{}:{}:{stamp}",
                kind.to_ascii_lowercase(),
                message_id.clone().unwrap_or_default()
            );
            (
                Outcome::Engaged(engagement),
                at,
                text(&event, "Recipient").map(str::to_owned),
                id,
            )
        }
        Some(other) => return Err(PayloadError::new(format!("unknown RecordType {other:?}"))),
    };
    let touch = event
        .get("Metadata")
        .and_then(|m| touch_id(m.get(TOUCH_KEY)));
    Ok(Signal {
        event_id,
        at: at.unwrap_or(now),
        channel: Channel::Email,
        target: Target {
            touch,
            message_id,
            address,
        },
        outcome,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::TouchId;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    #[test]
    fn a_hard_bounce_an_auto_responder_and_an_inbound_reply_are_told_apart() {
        let bounce = br#"{"RecordType":"Bounce","ID":4323372036854775807,"Type":"HardBounce",
          "TypeCode":1,"Name":"Hard bounce","Tag":"Test","MessageID":"883953f4-6105-42a2-a16a-77a8eac79483",
          "Metadata":{"a_key":"a_value","concord_touch_id":"7"},"ServerID":23,"MessageStream":"outbound",
          "Description":"The server was unable to deliver your message (ex: unknown user, mailbox not found).",
          "Email":"john@example.com","From":"sender@example.com","BouncedAt":"2019-11-05T16:33:54.9070259Z"}"#;
        let signal = parse(bounce, now()).unwrap();
        assert!(matches!(signal.outcome, Outcome::Bounced { .. }));
        assert_eq!(signal.target.touch, Some(TouchId(7)));
        assert_eq!(signal.event_id, "bounce:4323372036854775807");
        assert_eq!(
            signal.at.to_rfc3339(),
            "2019-11-05T16:33:54.907025900+00:00"
        );

        let auto = br#"{"RecordType":"Bounce","ID":1,"Type":"AutoResponder","TypeCode":64,
          "Email":"john@example.com","BouncedAt":"2019-11-05T16:33:54Z"}"#;
        assert_eq!(parse(auto, now()).unwrap().outcome.name(), "noted");

        let inbound = br#"{"FromName":"Postmarkapp Support","MessageStream":"inbound",
          "From":"support@postmarkapp.com","FromFull":{"Email":"support@postmarkapp.com","Name":"Postmarkapp Support"},
          "Subject":"Test subject","MessageID":"73e6d360-66eb-11e1-8e72-a8904824019b",
          "Date":"Fri, 1 Aug 2014 16:45:32 -04:00","TextBody":"This is a test text body.",
          "StrippedTextReply":"This is the reply text"}"#;
        let reply = parse(inbound, now()).unwrap();
        assert_eq!(reply.outcome, Outcome::Replied);
        assert_eq!(
            reply.target.address.as_deref(),
            Some("support@postmarkapp.com")
        );
        assert_eq!(reply.at.to_rfc3339(), "2014-08-01T20:45:32+00:00");
    }

    #[test]
    fn a_suppressing_subscription_change_unsubscribes_and_a_lifted_one_resubscribes() {
        let change = |suppress: bool| {
            format!(
                r#"{{"RecordType":"SubscriptionChange","MessageID":"883953f4","ServerID":123456,
              "ChangedAt":"2020-02-01T10:53:34.416071Z","Recipient":"bounced-address@wildbit.com",
              "Origin":"Recipient","SuppressSending":{suppress},"SuppressionReason":"ManualSuppression"}}"#
            )
        };
        assert!(matches!(
            parse(change(true).as_bytes(), now()).unwrap().outcome,
            Outcome::Unsubscribed { .. }
        ));
        assert_eq!(
            parse(change(false).as_bytes(), now()).unwrap().outcome,
            Outcome::Resubscribed
        );
    }
}
