//! Each provider's verification scheme, exactly as it specifies, on the raw body (SENDERS.md):
//! SendGrid's ECDSA signature, Mailgun's HMAC-SHA256, Twilio's HMAC-SHA1 over the URL and the
//! sorted parameters, Postmark's basic-auth pair and Aircall's token compared (by digest) in
//! constant time. A secret rotated away still verifies until its grace period ends.

use app::domain::senders::SourceKind;
use app::store::senders::{sha256_hex, Source};
use base64::Engine;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use subtle::ConstantTimeEq;

/// How old (or how far ahead) a signed timestamp may be.
pub const TOLERANCE_SECS: i64 = 300;

/// Why a request was not believed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// No signature, or one that does not verify: 401.
    BadSignature(&'static str),
    /// A signature whose timestamp is too old or ahead: 403.
    Stale,
}

/// What a request presents for verification.
pub struct Presented<'a> {
    /// The raw body.
    pub body: &'a [u8],
    /// A header's value by name.
    pub header: &'a dyn Fn(&str) -> Option<String>,
    /// The full URL the provider called (Twilio signs it).
    pub url: &'a str,
    /// Now.
    pub now: DateTime<Utc>,
}

/// Verifies the request against the source's current secret, then its previous one while the
/// grace period runs.
pub fn verify(source: &Source, request: &Presented<'_>) -> Result<(), Rejected> {
    let current = (source.secret.as_deref(), source.secret_digest.as_deref());
    let first = verify_with(source.kind, current, request);
    match (&first, &source.previous) {
        (Err(Rejected::BadSignature(_)), Some((secret, digest, until))) if *until > request.now => {
            verify_with(source.kind, (secret.as_deref(), digest.as_deref()), request).or(first)
        }
        _ => first,
    }
}

fn verify_with(
    kind: SourceKind,
    (secret, digest): (Option<&str>, Option<&str>),
    request: &Presented<'_>,
) -> Result<(), Rejected> {
    match kind {
        SourceKind::Sendgrid => sendgrid(secret.unwrap_or(""), request),
        SourceKind::Mailgun => mailgun(secret.unwrap_or(""), request),
        SourceKind::TwilioSms | SourceKind::TwilioVoice => twilio(secret.unwrap_or(""), request),
        SourceKind::Postmark => postmark(digest.unwrap_or(""), request),
        SourceKind::Aircall => aircall(digest.unwrap_or(""), request),
        SourceKind::Ses => Err(Rejected::BadSignature(
            "an SNS message is verified by its certificate, not here",
        )),
    }
}

fn fresh(timestamp: i64, now: DateTime<Utc>) -> Result<(), Rejected> {
    if (now.timestamp() - timestamp).abs() > TOLERANCE_SECS {
        return Err(Rejected::Stale);
    }
    Ok(())
}

fn base64(text: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .ok()
}

/// SendGrid: ECDSA P-256 over `timestamp + body`, the key given as base64 DER.
fn sendgrid(public_key: &str, request: &Presented<'_>) -> Result<(), Rejected> {
    use p256::ecdsa::{signature::Verifier, Signature, VerifyingKey};
    use p256::pkcs8::DecodePublicKey;
    let signature = (request.header)("X-Twilio-Email-Event-Webhook-Signature").ok_or(
        Rejected::BadSignature("no X-Twilio-Email-Event-Webhook-Signature header"),
    )?;
    let timestamp = (request.header)("X-Twilio-Email-Event-Webhook-Timestamp").ok_or(
        Rejected::BadSignature("no X-Twilio-Email-Event-Webhook-Timestamp header"),
    )?;
    let bad = Rejected::BadSignature("the signature does not verify with this source's key");
    let key = base64(public_key)
        .and_then(|der| VerifyingKey::from_public_key_der(&der).ok())
        .ok_or(bad.clone())?;
    let signature = base64(&signature)
        .and_then(|der| Signature::from_der(&der).ok())
        .ok_or(bad.clone())?;
    let mut signed = timestamp.as_bytes().to_vec();
    signed.extend_from_slice(request.body);
    key.verify(&signed, &signature).map_err(|_| bad)?;
    fresh(
        timestamp.trim().parse().map_err(|_| Rejected::Stale)?,
        request.now,
    )
}

/// Mailgun: hex HMAC-SHA256 of `timestamp + token` with the signing key, from the body.
fn mailgun(key: &str, request: &Presented<'_>) -> Result<(), Rejected> {
    // Event webhooks post JSON with a `signature` object; Routes post a form with the same
    // three fields at the top level.
    let json = app::domain::senders::is_json(request.body);
    let post: serde_json::Value = if json {
        serde_json::from_slice(request.body)
            .map_err(|_| Rejected::BadSignature("no signature: the body is not JSON"))?
    } else {
        serde_json::Value::Object(
            form_urlencoded::parse(request.body)
                .map(|(k, v)| (k.into_owned(), serde_json::Value::String(v.into_owned())))
                .collect(),
        )
    };
    let field = |name: &str| {
        let holder = if json {
            post.get("signature")
        } else {
            Some(&post)
        };
        holder
            .and_then(|s| s.get(name))
            .and_then(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .or_else(|| v.as_i64().map(|n| n.to_string()))
            })
            .ok_or(Rejected::BadSignature(
                "no signature.timestamp, token and signature",
            ))
    };
    let (timestamp, token, signature) = (field("timestamp")?, field("token")?, field("signature")?);
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes())
        .map_err(|_| Rejected::BadSignature("unusable signing key"))?;
    mac.update(timestamp.as_bytes());
    mac.update(token.as_bytes());
    let given = hex::decode(signature.trim())
        .map_err(|_| Rejected::BadSignature("the signature is not hex"))?;
    mac.verify_slice(&given).map_err(|_| {
        Rejected::BadSignature("the signature does not verify with this source's signing key")
    })?;
    fresh(
        timestamp.trim().parse().map_err(|_| Rejected::Stale)?,
        request.now,
    )
}

/// Twilio: base64 HMAC-SHA1 of the full URL followed by every POST parameter's name and value,
/// sorted by name, with the auth token.
fn twilio(token: &str, request: &Presented<'_>) -> Result<(), Rejected> {
    let given = (request.header)("X-Twilio-Signature")
        .ok_or(Rejected::BadSignature("no X-Twilio-Signature header"))?;
    let expected = twilio_signature(token, request.url, request.body);
    if bool::from(expected.as_bytes().ct_eq(given.trim().as_bytes())) {
        Ok(())
    } else {
        Err(Rejected::BadSignature(
            "X-Twilio-Signature does not match this source's auth token and URL",
        ))
    }
}

/// The signature Twilio computes for a form post to `url`.
pub fn twilio_signature(token: &str, url: &str, body: &[u8]) -> String {
    let mut params: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    params.sort();
    let mut signed = url.to_owned();
    for (name, value) in params {
        signed.push_str(&name);
        signed.push_str(&value);
    }
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(token.as_bytes()).expect("HMAC takes any key");
    mac.update(signed.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Postmark: the basic-auth pair put in the webhook URL, compared by digest.
fn postmark(digest: &str, request: &Presented<'_>) -> Result<(), Rejected> {
    let header = (request.header)("Authorization").ok_or(Rejected::BadSignature(
        "no basic auth: put user:password in the webhook URL",
    ))?;
    // The scheme's name is case-insensitive (RFC 7617).
    let pair = header
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"))
        .and_then(|(_, credentials)| base64(credentials.trim()))
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or(Rejected::BadSignature("malformed basic auth"))?;
    same_digest(
        &pair,
        digest,
        "the basic-auth user and password do not match this source",
    )
}

/// Aircall: the body's `token`, compared by digest.
fn aircall(digest: &str, request: &Presented<'_>) -> Result<(), Rejected> {
    let post: serde_json::Value = serde_json::from_slice(request.body)
        .map_err(|_| Rejected::BadSignature("no token: the body is not JSON"))?;
    let token = post
        .get("token")
        .and_then(|t| t.as_str())
        .ok_or(Rejected::BadSignature("no token in the body"))?;
    same_digest(token, digest, "the token does not match this source's")
}

fn same_digest(presented: &str, digest: &str, message: &'static str) -> Result<(), Rejected> {
    if bool::from(sha256_hex(presented).as_bytes().ct_eq(digest.as_bytes())) {
        Ok(())
    } else {
        Err(Rejected::BadSignature(message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twilio_signs_the_url_and_the_sorted_parameters() {
        // Twilio's "Webhooks security" example.
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        let body = b"CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212";
        assert_eq!(
            twilio_signature("12345", url, body),
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        );
    }

    #[test]
    fn postmark_reads_the_basic_scheme_in_any_case() {
        let digest = app::store::senders::sha256_hex("hook:secret");
        let encoded = base64::engine::general_purpose::STANDARD.encode("hook:secret");
        for header in [
            format!("Basic {encoded}"),
            format!("basic {encoded}"),
            format!("BASIC  {encoded}"),
        ] {
            let header_fn = |name: &str| (name == "Authorization").then(|| header.clone());
            let request = Presented {
                body: b"{}",
                header: &header_fn,
                url: "http://example.com/hooks/1",
                now: Utc::now(),
            };
            assert!(postmark(&digest, &request).is_ok(), "{header}");
        }
        let wrong = |name: &str| (name == "Authorization").then(|| format!("Bearer {encoded}"));
        let request = Presented {
            body: b"{}",
            header: &wrong,
            url: "http://example.com/hooks/1",
            now: Utc::now(),
        };
        assert!(postmark(&digest, &request).is_err());
    }
}
