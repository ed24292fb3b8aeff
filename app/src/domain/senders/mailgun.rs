//! Mailgun's webhooks: `{"signature": {...}, "event-data": {...}}`. `event-data.id` is unique
//! only within a day, so an event is identified by its signature's `token`.

use super::TOUCH_KEY;
use super::{json, text, touch_id, unix, Engagement, Outcome, PayloadError, Signal, Target};
use crate::domain::Channel;
use serde_json::Value;

/// The signal of one webhook post.
pub fn parse(body: &[u8]) -> Result<Signal, PayloadError> {
    let post = json(body)?;
    let token = post
        .get("signature")
        .and_then(|s| text(s, "token"))
        .ok_or_else(|| PayloadError::new("no `signature.token`"))?;
    let data = post
        .get("event-data")
        .ok_or_else(|| PayloadError::new("no `event-data`"))?;
    let name = text(data, "event").ok_or_else(|| PayloadError::new("no `event-data.event`"))?;
    let reason = || {
        data.get("delivery-status")
            .and_then(|d| {
                text(d, "description")
                    .filter(|t| !t.is_empty())
                    .or_else(|| text(d, "message"))
            })
            .or_else(|| text(data, "reason"))
            .unwrap_or(name)
            .to_owned()
    };
    let outcome = match name {
        "accepted" => Outcome::Sent,
        "delivered" => Outcome::Delivered,
        "failed" if text(data, "severity") == Some("permanent") => {
            Outcome::Bounced { reason: reason() }
        }
        "failed" => Outcome::Deferred,
        "opened" => Outcome::Engaged(Engagement::Open),
        "clicked" => Outcome::Engaged(Engagement::Click),
        "unsubscribed" => Outcome::Unsubscribed {
            reason: "Mailgun unsubscribe".into(),
        },
        "complained" => Outcome::Complained,
        "rejected" => Outcome::Failed { reason: reason() },
        other => return Err(PayloadError::new(format!("unknown event {other:?}"))),
    };
    let at = unix(data.get("timestamp"))
        .ok_or_else(|| PayloadError::new("no `event-data.timestamp`"))?;
    let message_id = data
        .get("message")
        .and_then(|m| m.get("headers"))
        .and_then(|h| text(h, "message-id"))
        .map(str::to_owned);
    Ok(Signal {
        event_id: token.to_owned(),
        at,
        channel: Channel::Email,
        target: Target {
            touch: data
                .get("user-variables")
                .and_then(|v: &Value| touch_id(v.get(TOUCH_KEY))),
            message_id,
            address: text(data, "recipient").map(str::to_owned),
        },
        outcome,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::TouchId;

    #[test]
    fn a_permanent_failure_bounces_and_a_temporary_one_is_deferred() {
        let post = |severity: &str| {
            format!(
                r#"{{"signature":{{"timestamp":"1529006854","token":"a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0",
              "signature":"d2271d12299f6592d9d44cd9d250f0704e4674c30d79d07c47a66f95ce71cf55"}},
              "event-data":{{"event":"failed","severity":"{severity}","timestamp":1521233195.375624,
              "id":"G9Bn5sl1TC6nu79C8C0bwg","recipient":"alice@example.com",
              "user-variables":{{"concord_touch_id":"12"}},
              "delivery-status":{{"code":550,"message":"No such user","description":""}},
              "message":{{"headers":{{"message-id":"20130503182626.18666.16540@example.com"}}}}}}}}"#
            )
        };
        let hard = parse(post("permanent").as_bytes()).unwrap();
        assert_eq!(
            hard.outcome,
            Outcome::Bounced {
                reason: "No such user".into()
            }
        );
        assert_eq!(
            hard.event_id,
            "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0"
        );
        assert_eq!(hard.target.touch, Some(TouchId(12)));
        assert_eq!(hard.at.timestamp(), 1521233195);
        let soft = parse(post("temporary").as_bytes()).unwrap();
        assert_eq!(soft.outcome, Outcome::Deferred);
    }
}
