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

    /// What an admin does in the provider's console for a source at `url`.
    pub fn instructions(self, url: &str) -> String {
        match self {
            SourceKind::Sendgrid => format!(
                "In SendGrid, Settings → Mail Settings → Event Webhook: set the HTTP POST URL to {url}, \
                 turn on Signed Event Webhook Requests and paste its verification key here. Put \
                 concord_touch_id in each message's custom_args."
            ),
            SourceKind::Postmark => format!(
                "In Postmark, Servers → your server → Webhooks: add {url} with a user and password \
                 written into it (https://user:password@…), and the same user:password here. Put \
                 concord_touch_id in each message's Metadata."
            ),
            SourceKind::Mailgun => format!(
                "In Mailgun, Sending → Webhooks: add {url} for each event, and paste the HTTP webhook \
                 signing key here. Put concord_touch_id in each message's user-variables (v:concord_touch_id). \
                 For replies, add a Route whose action forwards to the same URL."
            ),
            SourceKind::Ses => format!(
                "In Amazon SNS, subscribe {url} (HTTPS) to the topic your SES configuration set or \
                 identity publishes to, and paste the topic's ARN here. SNS then sends a \
                 confirmation: this page shows the link to open to confirm it (Concord fetches \
                 nothing itself), and asks for SNS's signing certificate the first time. Put \
                 concord_touch_id in each message's tags."
            ),
            SourceKind::TwilioSms => format!(
                "In Twilio, set your number's \"A message comes in\" webhook to {url}, and give each \
                 message a StatusCallback of {url}?concord_touch_id=<the touch id>. Paste the account's \
                 auth token here."
            ),
            SourceKind::TwilioVoice => format!(
                "In Twilio, set your number's call status callback to {url}, and give each outbound \
                 call a StatusCallback of {url}?concord_touch_id=<the touch id>. Paste the account's \
                 auth token here."
            ),
            SourceKind::Aircall => format!(
                "In Aircall, Integrations → Webhook: add {url} with the call events, and paste the \
                 webhook's token here."
            ),
        }
    }
}
