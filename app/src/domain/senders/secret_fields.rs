//! The request fields that carry a source's verification secret, named as each provider names
//! it (`public_key` for SendGrid, `signing_key` for Mailgun, `auth_token` for Twilio, `username`
//! and `password` for Postmark, `token` for Aircall, `topic_arn` for SES), and the one text they
//! make. A generic `secret` is accepted for any kind (Postmark's as `user:password`).

use super::SourceKind;
use crate::domain::field_error::FieldError;

/// The secret fields of a request, each as given.
#[derive(Clone, Copy, Debug, Default)]
pub struct SecretFields<'a> {
    /// Any kind's secret as one text.
    pub secret: Option<&'a str>,
    /// SendGrid's verification key.
    pub public_key: Option<&'a str>,
    /// Mailgun's HTTP webhook signing key.
    pub signing_key: Option<&'a str>,
    /// Twilio's auth token.
    pub auth_token: Option<&'a str>,
    /// Postmark's basic-auth user.
    pub username: Option<&'a str>,
    /// Postmark's basic-auth password.
    pub password: Option<&'a str>,
    /// Aircall's webhook token.
    pub token: Option<&'a str>,
    /// The SNS topic SES publishes to.
    pub topic_arn: Option<&'a str>,
}

impl SourceKind {
    /// The fields that carry this kind's secret.
    pub fn secret_fields(self) -> &'static [&'static str] {
        match self {
            SourceKind::Sendgrid => &["public_key"],
            SourceKind::Mailgun => &["signing_key"],
            SourceKind::TwilioSms | SourceKind::TwilioVoice => &["auth_token"],
            SourceKind::Postmark => &["username", "password"],
            SourceKind::Aircall => &["token"],
            SourceKind::Ses => &["topic_arn"],
        }
    }
}

impl<'a> SecretFields<'a> {
    fn named(&self) -> [(&'static str, Option<&'a str>); 7] {
        [
            ("public_key", self.public_key),
            ("signing_key", self.signing_key),
            ("auth_token", self.auth_token),
            ("username", self.username),
            ("password", self.password),
            ("token", self.token),
            ("topic_arn", self.topic_arn),
        ]
    }

    /// The secret text for `kind`: its own fields, else `secret`. A field of another kind is
    /// refused rather than ignored, so a key pasted into the wrong field is noticed.
    pub fn text_for(&self, kind: SourceKind) -> Result<String, FieldError> {
        let own = kind.secret_fields();
        let expected = own.join(" and ");
        for (name, value) in self.named() {
            if value.is_some() && !own.contains(&name) {
                return Err(FieldError::new(
                    name,
                    format!("a {kind} source takes {expected}, not {name}"),
                ));
            }
        }
        let value = |name: &str| {
            self.named()
                .into_iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, v)| v)
        };
        if kind == SourceKind::Postmark {
            return match (value("username"), value("password")) {
                (Some(user), Some(_)) if user.contains(':') => {
                    Err(FieldError::new("username", "must not contain a colon"))
                }
                (Some(user), Some(password)) => Ok(format!("{}:{password}", user.trim())),
                (Some(_), None) => Err(FieldError::new("password", "is required with username")),
                (None, Some(_)) => Err(FieldError::new("username", "is required with password")),
                (None, None) => self.generic(&expected, kind),
            };
        }
        match value(own[0]) {
            Some(text) => Ok(text.to_owned()),
            None => self.generic(&expected, kind),
        }
    }

    fn generic(&self, expected: &str, kind: SourceKind) -> Result<String, FieldError> {
        let text = self.secret.ok_or_else(|| {
            FieldError::new(
                kind.secret_fields()[0],
                format!("a {kind} source needs {expected} (or secret)"),
            )
        })?;
        if kind == SourceKind::Postmark && !text.trim().is_empty() && !text.contains(':') {
            return Err(FieldError::new(
                "secret",
                "Postmark's is the basic-auth pair, written user:password",
            ));
        }
        Ok(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::{SecretFields, SourceKind};

    #[test]
    fn each_kind_reads_its_own_field_and_refuses_another_kinds() {
        let fields = SecretFields {
            public_key: Some("MFkw"),
            ..SecretFields::default()
        };
        assert_eq!(fields.text_for(SourceKind::Sendgrid).unwrap(), "MFkw");
        let wrong = fields.text_for(SourceKind::Mailgun).unwrap_err();
        assert_eq!(wrong.field, "public_key");
        assert!(wrong.message.contains("signing_key"), "{wrong}");
    }

    #[test]
    fn postmark_joins_its_pair_and_secret_stands_in_for_any_kind() {
        let pair = SecretFields {
            username: Some("hook"),
            password: Some("pa:ss"),
            ..SecretFields::default()
        };
        assert_eq!(pair.text_for(SourceKind::Postmark).unwrap(), "hook:pa:ss");
        let half = SecretFields {
            username: Some("hook"),
            ..SecretFields::default()
        };
        assert_eq!(
            half.text_for(SourceKind::Postmark).unwrap_err().field,
            "password"
        );
        let generic = SecretFields {
            secret: Some("tok"),
            ..SecretFields::default()
        };
        assert_eq!(generic.text_for(SourceKind::Aircall).unwrap(), "tok");
        assert_eq!(
            generic.text_for(SourceKind::Postmark).unwrap_err().field,
            "secret"
        );
        let none = SecretFields::default()
            .text_for(SourceKind::TwilioSms)
            .unwrap_err();
        assert_eq!(none.field, "auth_token");
    }
}
