//! Mailgun Routes: an inbound email forwarded as a form post (`sender`, `recipient`, `subject`,
//! `stripped-text`, `In-Reply-To`, `message-headers`, and the signature's `timestamp`, `token`,
//! `signature`). A reply from a contact becomes a `reply` on them; an auto-responder's is only
//! noted. The token identifies the post, as for Mailgun's event webhooks.

use super::{twilio::fields, unix, Outcome, PayloadError, Signal, Target};
use crate::domain::Channel;
use serde_json::Value;
use std::collections::HashMap;

/// The signal of one forwarded email.
pub fn parse(body: &[u8]) -> Result<Signal, PayloadError> {
    let form = fields(body);
    let field = |name: &str| {
        form.get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| PayloadError::new(format!("no `{name}` in the routed email")))
    };
    let token = field("token")?;
    let sender = field("sender")?;
    let at = unix(Some(&Value::String(field("timestamp")?.to_owned())))
        .ok_or_else(|| PayloadError::new("`timestamp` is not Unix seconds"))?;
    let headers: Vec<(String, String)> = form
        .get("message-headers")
        .and_then(|h| serde_json::from_str(h).ok())
        .unwrap_or_default();
    let header = |name: &str| header(&headers, &form, name);
    let outcome = if auto_reply(header) {
        Outcome::Noted {
            what: "auto-reply".into(),
        }
    } else {
        Outcome::Replied
    };
    Ok(Signal {
        event_id: token.to_owned(),
        at,
        channel: Channel::Email,
        target: Target {
            touch: None,
            message_id: header("In-Reply-To")
                .map(|id| {
                    id.trim()
                        .trim_start_matches('<')
                        .trim_end_matches('>')
                        .to_owned()
                })
                .filter(|id| !id.is_empty()),
            address: Some(sender.to_owned()),
        },
        outcome,
    })
}

/// Header `name` (any case) from `message-headers`, else a form field of that name.
fn header<'a>(
    headers: &'a [(String, String)],
    form: &'a HashMap<String, String>,
    name: &str,
) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .or_else(|| form.get(name).map(String::as_str))
}

/// Whether the headers mark a machine's answer (RFC 3834 `Auto-Submitted`, or the common
/// `X-Autoreply` / `X-Autorespond` and `Precedence: auto_reply`).
fn auto_reply<'a>(header: impl Fn(&str) -> Option<&'a str>) -> bool {
    header("Auto-Submitted").is_some_and(|v| !v.trim().eq_ignore_ascii_case("no"))
        || header("X-Autoreply").is_some()
        || header("X-Autorespond").is_some()
        || header("Precedence").is_some_and(|v| v.trim().eq_ignore_ascii_case("auto_reply"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(extra: &[(&str, &str)]) -> Vec<u8> {
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.extend_pairs([
            ("sender", "casey@example.org"),
            ("recipient", "sales@reply.example.com"),
            ("subject", "Re: Spring news"),
            ("stripped-text", "Yes, call me Tuesday."),
            ("timestamp", "1733400000"),
            ("token", "route-token-1"),
            ("signature", "ab"),
        ]);
        form.extend_pairs(extra.iter().copied());
        form.finish().into_bytes()
    }

    #[test]
    fn a_routed_reply_is_a_reply_from_its_sender_on_the_message_it_answers() {
        let headers = r#"[["In-Reply-To", "<msg1@mail.example.com>"], ["From", "Casey <casey@example.org>"]]"#;
        let signal = parse(&post(&[("message-headers", headers)])).unwrap();
        assert_eq!(signal.outcome, Outcome::Replied);
        assert_eq!(signal.event_id, "route-token-1");
        assert_eq!(signal.target.address.as_deref(), Some("casey@example.org"));
        assert_eq!(
            signal.target.message_id.as_deref(),
            Some("msg1@mail.example.com")
        );
        assert_eq!(signal.at.timestamp(), 1733400000);
    }

    #[test]
    fn an_auto_reply_is_noted_and_a_post_without_a_sender_is_refused() {
        let headers = r#"[["Auto-Submitted", "auto-replied"]]"#;
        let signal = parse(&post(&[("message-headers", headers)])).unwrap();
        assert!(matches!(signal.outcome, Outcome::Noted { .. }));
        let human = r#"[["Auto-Submitted", "no"]]"#;
        assert_eq!(
            parse(&post(&[("message-headers", human)])).unwrap().outcome,
            Outcome::Replied
        );
        assert!(parse(b"token=t&timestamp=1").is_err());
    }
}
