//! Twilio: form-encoded status callbacks and inbound messages (Messaging), call status
//! callbacks (Voice). The touch's id rides on the status callback URL's query.

use super::TOUCH_KEY;
use super::{keyword, Engagement, Keyword, Outcome, Payload, PayloadError, Signal, Target};
use crate::domain::ids::TouchId;
use crate::domain::Channel;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// Error codes that say the number itself is bad (a hard bounce): invalid `To`, not a mobile
/// number, unreachable, unknown destination, landline.
const BAD_NUMBER: &[&str] = &["21211", "21614", "30003", "30005", "30006"];
/// The recipient has opted out (texted STOP to this sender).
const OPTED_OUT: &str = "21610";

/// The fields of a form-encoded body.
pub fn fields(body: &[u8]) -> HashMap<String, String> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn touch_from(query: &str) -> Option<TouchId> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == TOUCH_KEY)
        .and_then(|(_, v)| v.trim().parse().ok())
        .filter(|id| *id > 0)
        .map(TouchId)
}

fn required<'a>(form: &'a HashMap<String, String>, field: &str) -> Result<&'a str, PayloadError> {
    form.get(field)
        .map(String::as_str)
        .ok_or_else(|| PayloadError::new(format!("no `{field}`")))
}

/// A Messaging status callback or inbound message.
pub fn parse_sms(payload: Payload<'_>, now: DateTime<Utc>) -> Result<Signal, PayloadError> {
    let form = fields(payload.body);
    let sid = required(&form, "MessageSid")?;
    let touch = touch_from(payload.query);
    if let Some(body) = form.get("Body") {
        let said = match form
            .get("OptOutType")
            .map(|t| t.to_ascii_uppercase())
            .as_deref()
        {
            Some("STOP") => Some(Keyword::Stop),
            Some("START") => Some(Keyword::Start),
            Some("HELP") => Some(Keyword::Help),
            _ => keyword(body),
        };
        let outcome = match said {
            Some(Keyword::Stop) => Outcome::Unsubscribed {
                reason: format!("texted {:?}", body.trim()),
            },
            Some(Keyword::Start) => Outcome::Resubscribed,
            Some(Keyword::Help) => Outcome::Noted {
                what: format!("texted {:?}", body.trim()),
            },
            None => Outcome::Replied,
        };
        return Ok(Signal {
            event_id: format!("inbound:{sid}"),
            at: now,
            channel: Channel::Sms,
            target: Target {
                touch,
                message_id: None,
                address: Some(required(&form, "From")?.to_owned()),
            },
            outcome,
        });
    }
    let status = required(&form, "MessageStatus")?;
    let code = form.get("ErrorCode").map(String::as_str).unwrap_or("");
    let outcome = match status {
        "accepted" | "scheduled" | "queued" | "sending" | "sent" => Outcome::Sent,
        "delivered" => Outcome::Delivered,
        "read" => Outcome::Engaged(Engagement::Read),
        "failed" | "undelivered" if code == OPTED_OUT => Outcome::Unsubscribed {
            reason: "Twilio error 21610 (the recipient opted out)".into(),
        },
        "failed" | "undelivered" if BAD_NUMBER.contains(&code) => Outcome::Bounced {
            reason: format!("Twilio error {code}"),
        },
        "failed" | "undelivered" => Outcome::Failed {
            reason: format!("Twilio {status} {code}").trim().to_owned(),
        },
        "canceled" => Outcome::Noted {
            what: "canceled".into(),
        },
        other => {
            return Err(PayloadError::new(format!(
                "unknown MessageStatus {other:?}"
            )))
        }
    };
    Ok(Signal {
        event_id: format!("{sid}:{status}"),
        at: now,
        channel: Channel::Sms,
        target: Target {
            touch,
            message_id: Some(sid.to_owned()),
            address: form.get("To").cloned(),
        },
        outcome,
    })
}

/// A Voice call status callback.
pub fn parse_voice(payload: Payload<'_>, now: DateTime<Utc>) -> Result<Signal, PayloadError> {
    let form = fields(payload.body);
    let sid = required(&form, "CallSid")?;
    let status = required(&form, "CallStatus")?;
    let at = form
        .get("Timestamp")
        .and_then(|t| DateTime::parse_from_rfc2822(t).ok())
        .map_or(now, |t| t.with_timezone(&Utc));
    let inbound = form.get("Direction").map(String::as_str) == Some("inbound");
    if inbound {
        // One interaction per call, answered or missed: every callback of the call is one event.
        return Ok(Signal {
            event_id: format!("{sid}:inbound"),
            at,
            channel: Channel::Phone,
            target: Target {
                touch: None,
                message_id: None,
                address: Some(required(&form, "From")?.to_owned()),
            },
            outcome: Outcome::CalledIn,
        });
    }
    let outcome = match status {
        "queued" | "initiated" => Outcome::Sent,
        "ringing" => Outcome::Noted {
            what: "ringing".into(),
        },
        "in-progress" | "answered" => Outcome::Delivered,
        "completed" => Outcome::Engaged(Engagement::Answered),
        "busy" | "no-answer" => Outcome::Deferred,
        "failed" => Outcome::Bounced {
            reason: "Twilio call failed".into(),
        },
        "canceled" => Outcome::Noted {
            what: "canceled".into(),
        },
        other => return Err(PayloadError::new(format!("unknown CallStatus {other:?}"))),
    };
    Ok(Signal {
        event_id: format!("{sid}:{status}"),
        at,
        channel: Channel::Phone,
        target: Target {
            touch: touch_from(payload.query),
            message_id: Some(sid.to_owned()),
            address: form.get("To").cloned(),
        },
        outcome,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    fn sms(body: &str, query: &str) -> Signal {
        parse_sms(
            Payload {
                body: body.as_bytes(),
                query,
            },
            now(),
        )
        .unwrap()
    }

    #[test]
    fn stop_start_help_and_a_sentence_from_a_contact() {
        let inbound = |text: &str| {
            format!("MessageSid=SM1&AccountSid=AC1&From=%2B14155550100&To=%2B14155550199&Body={text}&NumMedia=0")
        };
        assert!(matches!(
            sms(&inbound("Stop"), "").outcome,
            Outcome::Unsubscribed { .. }
        ));
        assert!(matches!(
            sms(&inbound("opt+out"), "").outcome,
            Outcome::Unsubscribed { .. }
        ));
        assert_eq!(sms(&inbound("START"), "").outcome, Outcome::Resubscribed);
        assert_eq!(sms(&inbound("help"), "").outcome.name(), "noted");
        let reply = sms(&inbound("Can+you+call+me+tomorrow%3F"), "");
        assert_eq!(reply.outcome, Outcome::Replied);
        assert_eq!(reply.target.address.as_deref(), Some("+14155550100"));
        let flagged = format!("{}&OptOutType=STOP", inbound("Arret"));
        assert!(matches!(
            sms(&flagged, "").outcome,
            Outcome::Unsubscribed { .. }
        ));
    }

    #[test]
    fn status_callbacks_carry_the_touch_from_the_url_and_21610_is_an_opt_out() {
        let status = |status: &str, code: &str| {
            format!("MessageSid=SM2&MessageStatus={status}&ErrorCode={code}&To=%2B14155550100&From=%2B14155550199")
        };
        let delivered = sms(&status("delivered", ""), "concord_touch_id=31");
        assert_eq!(delivered.outcome, Outcome::Delivered);
        assert_eq!(delivered.target.touch, Some(TouchId(31)));
        assert_eq!(delivered.event_id, "SM2:delivered");
        assert!(matches!(
            sms(&status("undelivered", "21610"), "").outcome,
            Outcome::Unsubscribed { .. }
        ));
        assert!(matches!(
            sms(&status("failed", "21211"), "").outcome,
            Outcome::Bounced { .. }
        ));
        assert!(matches!(
            sms(&status("failed", "30008"), "").outcome,
            Outcome::Failed { .. }
        ));
    }

    #[test]
    fn an_inbound_call_missed_or_answered_is_one_call_in() {
        let call = |status: &str| {
            format!("CallSid=CA1&CallStatus={status}&Direction=inbound&From=%2B14155550100&To=%2B14155550199&Timestamp=Tue%2C+01+Aug+2023+12%3A00%3A00+%2B0000")
        };
        let missed = parse_voice(
            Payload {
                body: call("no-answer").as_bytes(),
                query: "",
            },
            now(),
        )
        .unwrap();
        let answered = parse_voice(
            Payload {
                body: call("completed").as_bytes(),
                query: "",
            },
            now(),
        )
        .unwrap();
        assert_eq!(missed.outcome, Outcome::CalledIn);
        assert_eq!(missed.event_id, answered.event_id);
        assert_eq!(missed.at.to_rfc3339(), "2023-08-01T12:00:00+00:00");
    }
}
