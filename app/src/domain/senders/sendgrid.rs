//! SendGrid's Event Webhook: a JSON array of events; custom args (`concord_touch_id`) are
//! merged into each event's top level; `sg_event_id` identifies an event.

use super::TOUCH_KEY;
use super::{json, text, touch_id, unix, Engagement, Outcome, PayloadError, Signal, Target};
use crate::domain::Channel;
use serde_json::Value;

/// The signals of one Event Webhook post.
pub fn parse(body: &[u8]) -> Result<Vec<Signal>, PayloadError> {
    let Value::Array(events) = json(body)? else {
        return Err(PayloadError::new("SendGrid posts a JSON array of events"));
    };
    events
        .iter()
        .enumerate()
        .map(|(n, event)| {
            signal(event).map_err(|e| PayloadError::new(format!("event {}: {}", n + 1, e.0)))
        })
        .collect()
}

fn signal(event: &Value) -> Result<Signal, PayloadError> {
    let name = text(event, "event").ok_or_else(|| PayloadError::new("no `event`"))?;
    let event_id =
        text(event, "sg_event_id").ok_or_else(|| PayloadError::new("no `sg_event_id`"))?;
    let at = unix(event.get("timestamp")).ok_or_else(|| PayloadError::new("no `timestamp`"))?;
    let reason = || {
        text(event, "reason")
            .or_else(|| text(event, "status"))
            .unwrap_or(name)
            .to_owned()
    };
    let outcome = match name {
        "processed" => Outcome::Sent,
        "delivered" => Outcome::Delivered,
        "deferred" => Outcome::Deferred,
        "bounce" if text(event, "type") == Some("blocked") => Outcome::Deferred,
        "bounce" => Outcome::Bounced { reason: reason() },
        "dropped" if reason().to_ascii_lowercase().contains("bounce") => {
            Outcome::Bounced { reason: reason() }
        }
        "dropped" => Outcome::Noted {
            what: format!("dropped: {}", reason()),
        },
        "open" if event.get("sg_machine_open").and_then(Value::as_bool) == Some(true) => {
            Outcome::Noted {
                what: "machine open".into(),
            }
        }
        "open" => Outcome::Engaged(Engagement::Open),
        "click" => Outcome::Engaged(Engagement::Click),
        "spamreport" => Outcome::Complained,
        "unsubscribe" => Outcome::Unsubscribed {
            reason: "SendGrid unsubscribe".into(),
        },
        "group_unsubscribe" => Outcome::Unsubscribed {
            reason: "SendGrid group unsubscribe".into(),
        },
        "group_resubscribe" => Outcome::Resubscribed,
        other => return Err(PayloadError::new(format!("unknown event {other:?}"))),
    };
    let message_id = text(event, "sg_message_id")
        // SendGrid's message id is the `smtp-id`'s stem plus a filter suffix after a dot.
        .map(|id| id.split('.').next().unwrap_or(id).to_owned());
    Ok(Signal {
        event_id: event_id.to_owned(),
        at,
        channel: Channel::Email,
        target: Target {
            touch: touch_id(event.get(TOUCH_KEY)),
            message_id,
            address: text(event, "email").map(str::to_owned),
        },
        outcome,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::TouchId;

    /// Events as SendGrid's "Event Webhook" reference shows them, with a custom arg.
    const SAMPLE: &str = r#"[
      {"email":"example@test.com","timestamp":1513299569,"smtp-id":"<14c5d75ce93.dfd.64b469@ismtpd-555>",
       "event":"processed","category":"cat facts","sg_event_id":"rbtnWrG1DVDGGGFHFyun0A==",
       "sg_message_id":"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000",
       "concord_touch_id":"42"},
      {"email":"example@test.com","timestamp":1513299569,"event":"bounce","type":"bounce",
       "reason":"500 unknown recipient","status":"5.0.0","sg_event_id":"6g4ZI7SA-xmRDv57GoPIPw==",
       "sg_message_id":"14c5d75ce93.dfd.64b469.filter0001"},
      {"email":"example@test.com","timestamp":1513299569,"event":"open","sg_machine_open":true,
       "sg_event_id":"FOTFFO0ecsBE-zxFXfs6WA==","sg_message_id":"14c5d75ce93.dfd.64b469.filter0001"},
      {"email":"example@test.com","timestamp":1513299569,"event":"open","sg_machine_open":false,
       "sg_event_id":"FOTFFO0ecsBE-zxFXfs6WB==","sg_message_id":"14c5d75ce93.dfd.64b469.filter0001"},
      {"email":"example@test.com","timestamp":1513299569,"event":"group_unsubscribe","asm_group_id":10,
       "sg_event_id":"ahSCB7xYcXFb-hEaawsPRw==","sg_message_id":"14c5d75ce93.dfd.64b469.filter0001"}
    ]"#;

    #[test]
    fn a_batch_maps_each_event_and_keeps_its_ids() {
        let signals = parse(SAMPLE.as_bytes()).unwrap();
        let outcomes: Vec<&str> = signals.iter().map(|s| s.outcome.name()).collect();
        assert_eq!(
            outcomes,
            ["sent", "bounced", "noted", "engaged", "unsubscribed"]
        );
        assert_eq!(signals[0].target.touch, Some(TouchId(42)));
        assert_eq!(signals[0].target.message_id.as_deref(), Some("14c5d75ce93"));
        assert_eq!(signals[1].event_id, "6g4ZI7SA-xmRDv57GoPIPw==");
        assert_eq!(
            signals[1].target.address.as_deref(),
            Some("example@test.com")
        );
        assert_eq!(signals[1].at.timestamp(), 1513299569);
    }

    #[test]
    fn a_single_object_or_an_event_without_its_id_is_refused() {
        assert!(parse(br#"{"event":"open"}"#).is_err());
        let err = parse(br#"[{"event":"open","timestamp":1}]"#).unwrap_err();
        assert!(err.0.contains("sg_event_id"), "{err}");
    }
}
