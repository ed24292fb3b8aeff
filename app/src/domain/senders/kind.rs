//! The kinds of source (one connected provider account each) and what each verifies with.

use crate::domain::str_enum::str_enum;
use crate::domain::Channel;

str_enum! {
    /// Which provider a source is.
    pub enum SourceKind ("source kind") {
        /// SendGrid's Event Webhook (email).
        Sendgrid = "sendgrid",
        /// Postmark's webhooks (email).
        Postmark = "postmark",
        /// Mailgun's webhooks (email).
        Mailgun = "mailgun",
        /// Amazon SES through SNS (email).
        Ses = "ses",
        /// Twilio Messaging: status callbacks and inbound texts.
        TwilioSms = "twilio_sms",
        /// Twilio Voice: call status callbacks.
        TwilioVoice = "twilio_voice",
        /// Aircall's webhooks (calls).
        Aircall = "aircall",
    }
}

/// What a source's verification secret is, which decides how it can be stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretForm {
    /// A public key (SendGrid): not a secret; stored as given.
    PublicKey,
    /// A key the provider signs with (Mailgun's signing key, Twilio's auth token): Concord must
    /// compute the same HMAC, so it keeps the key itself.
    HmacKey,
    /// A shared value the provider presents as is (Postmark's basic-auth pair, Aircall's
    /// token): only its SHA-256 digest is stored.
    Presented,
    /// The SNS topic expected (SES): not a secret.
    Topic,
}

impl SourceKind {
    /// The channel the source reports on.
    pub fn channel(self) -> Channel {
        match self {
            SourceKind::Sendgrid | SourceKind::Postmark | SourceKind::Mailgun | SourceKind::Ses => {
                Channel::Email
            }
            SourceKind::TwilioSms => Channel::Sms,
            SourceKind::TwilioVoice | SourceKind::Aircall => Channel::Phone,
        }
    }

    /// The form of its verification secret.
    pub fn secret_form(self) -> SecretForm {
        match self {
            SourceKind::Sendgrid => SecretForm::PublicKey,
            SourceKind::Mailgun | SourceKind::TwilioSms | SourceKind::TwilioVoice => {
                SecretForm::HmacKey
            }
            SourceKind::Postmark | SourceKind::Aircall => SecretForm::Presented,
            SourceKind::Ses => SecretForm::Topic,
        }
    }

    /// The provider's name as people know it.
    pub fn provider(self) -> &'static str {
        match self {
            SourceKind::Sendgrid => "SendGrid",
            SourceKind::Postmark => "Postmark",
            SourceKind::Mailgun => "Mailgun",
            SourceKind::Ses => "Amazon SES (SNS)",
            SourceKind::TwilioSms => "Twilio SMS",
            SourceKind::TwilioVoice => "Twilio Voice",
            SourceKind::Aircall => "Aircall",
        }
    }

    /// What the admin is asked for, in the provider's words.
    pub fn secret_label(self) -> &'static str {
        match self {
            SourceKind::Sendgrid => "Verification key (the Event Webhook's public key)",
            SourceKind::Postmark => "Basic-auth user and password, as user:password",
            SourceKind::Mailgun => "HTTP webhook signing key",
            SourceKind::Ses => "SNS topic ARN",
            SourceKind::TwilioSms | SourceKind::TwilioVoice => "Auth token",
            SourceKind::Aircall => "Webhook token",
        }
    }
}
