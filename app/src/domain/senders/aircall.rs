//! Aircall's webhooks: `{"resource": "call", "event": "call.…", "timestamp", "token", "data"}`.
//! The token is checked at the edge; here the call is read.

use super::{json, text, unix, Engagement, Outcome, PayloadError, Signal, Target};
use crate::domain::Channel;
use serde_json::Value;

/// The signal of one webhook post.
pub fn parse(body: &[u8]) -> Result<Signal, PayloadError> {
    let post = json(body)?;
    let event = text(&post, "event").ok_or_else(|| PayloadError::new("no `event`"))?;
    let call = post
        .get("data")
        .ok_or_else(|| PayloadError::new("no `data`"))?;
    let id = call
        .get("id")
        .filter(|id| !id.is_null())
        .map(Value::to_string)
        .ok_or_else(|| PayloadError::new("no `data.id`"))?;
    let at = unix(call.get("started_at"))
        .or_else(|| unix(post.get("timestamp")))
        .ok_or_else(|| PayloadError::new("no `timestamp`"))?;
    let address = text(call, "raw_digits").map(|d| d.replace([' ', '-', '(', ')'], ""));
    if text(call, "direction") == Some("inbound") {
        // One interaction per call, answered or missed.
        return Ok(Signal {
            event_id: format!("call:{id}:inbound"),
            at,
            channel: Channel::Phone,
            target: Target {
                touch: None,
                message_id: None,
                address,
            },
            outcome: Outcome::CalledIn,
        });
    }
    let answered = call.get("answered_at").is_some_and(|a| !a.is_null());
    let outcome = match event {
        "call.created" => Outcome::Sent,
        "call.answered" => Outcome::Delivered,
        "call.ended" if answered => Outcome::Engaged(Engagement::Answered),
        "call.ended" => Outcome::Deferred,
        other => Outcome::Noted {
            what: other.to_owned(),
        },
    };
    Ok(Signal {
        event_id: format!("call:{id}:{event}"),
        at,
        channel: Channel::Phone,
        target: Target {
            touch: None,
            message_id: Some(id),
            address,
        },
        outcome,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missed_inbound_call_is_a_call_in_and_an_unanswered_outbound_one_is_deferred() {
        let post = |direction: &str, answered: &str| {
            format!(
                r#"{{"resource":"call","event":"call.ended","timestamp":1585001000,"token":"45XXYYZZa08",
              "data":{{"id":812,"direction":"{direction}","status":"done","started_at":1584998199,
              "answered_at":{answered},"ended_at":1584998210,"duration":11,
              "missed_call_reason":"agents_did_not_answer","raw_digits":"+33 1 76 36 06 95"}}}}"#
            )
        };
        let missed = parse(post("inbound", "null").as_bytes()).unwrap();
        assert_eq!(missed.outcome, Outcome::CalledIn);
        assert_eq!(missed.target.address.as_deref(), Some("+33176360695"));
        assert_eq!(missed.at.timestamp(), 1584998199);
        let unanswered = parse(post("outbound", "null").as_bytes()).unwrap();
        assert_eq!(unanswered.outcome, Outcome::Deferred);
        assert_eq!(unanswered.target.message_id.as_deref(), Some("812"));
        let taken = parse(post("outbound", "1584998201").as_bytes()).unwrap();
        assert_eq!(taken.outcome, Outcome::Engaged(Engagement::Answered));
    }
}
