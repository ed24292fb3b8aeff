//! One event from a provider, normalised (SENDERS.md, "Normalised outcomes").

use crate::domain::ids::TouchId;
use crate::domain::Channel;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One event a provider reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    /// The provider's own id of the event (de-duplication is on it, per source).
    pub event_id: String,
    /// When it happened, by the provider's clock.
    pub at: DateTime<Utc>,
    /// The channel it happened on.
    pub channel: Channel,
    /// What it is about.
    pub target: Target,
    /// What happened.
    pub outcome: Outcome,
}

/// How to find what an event is about: the touch (by the id the sender put in the provider's
/// metadata, else by the provider's message id) and the contact's address or number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// `concord_touch_id` from the provider's metadata.
    pub touch: Option<TouchId>,
    /// The provider's message (or call) id.
    pub message_id: Option<String>,
    /// The contact's email address or phone number, as the provider wrote it.
    pub address: Option<String>,
}

/// What happened, in Concord's terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// The provider accepted the touch for sending.
    Sent,
    /// It reached the contact.
    Delivered,
    /// Delivery was put off (a soft bounce, busy, no answer): nothing changes.
    Deferred,
    /// A hard bounce (or a failed call or text to a bad number): the touch failed and the
    /// channel's consent is withdrawn.
    Bounced {
        /// The provider's reason.
        reason: String,
    },
    /// The touch could not be delivered, for a reason that says nothing about the address: the
    /// touch failed; consent stays.
    Failed {
        /// The provider's reason.
        reason: String,
    },
    /// The contact marked it as spam: the channel's consent is withdrawn.
    Complained,
    /// The contact unsubscribed (or texted STOP): the channel's consent is withdrawn for every
    /// team.
    Unsubscribed {
        /// How: the provider's event or the keyword.
        reason: String,
    },
    /// The contact asked to subscribe again (START): consent is restored only where a consent
    /// record allows.
    Resubscribed,
    /// HELP, INFO, an auto-responder: kept, changes nothing.
    Noted {
        /// What it was.
        what: String,
    },
    /// Weak engagement: never a reply.
    Engaged(Engagement),
    /// The contact wrote back (an email reply, a text).
    Replied,
    /// The contact called in (answered or missed).
    CalledIn,
}

/// A sign of attention that is not a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Engagement {
    /// Opened an email (machine opens are ignored before this).
    Open,
    /// Clicked a link.
    Click,
    /// Read a text.
    Read,
    /// Took a call to its end.
    Answered,
}

impl Engagement {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Engagement::Open => "open",
            Engagement::Click => "click",
            Engagement::Read => "read",
            Engagement::Answered => "answered",
        }
    }
}

impl Outcome {
    /// A short name for the audit trail and the dead-letter list.
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Sent => "sent",
            Outcome::Delivered => "delivered",
            Outcome::Deferred => "deferred",
            Outcome::Bounced { .. } => "bounced",
            Outcome::Failed { .. } => "failed",
            Outcome::Complained => "complained",
            Outcome::Unsubscribed { .. } => "unsubscribed",
            Outcome::Resubscribed => "resubscribed",
            Outcome::Noted { .. } => "noted",
            Outcome::Engaged(_) => "engaged",
            Outcome::Replied => "replied",
            Outcome::CalledIn => "called_in",
        }
    }

    /// Whether it withdraws the channel's consent, and why.
    pub fn withdraws(&self) -> Option<String> {
        match self {
            Outcome::Bounced { reason } => Some(format!("hard bounce: {reason}")),
            Outcome::Complained => Some("spam complaint".into()),
            Outcome::Unsubscribed { reason } => Some(format!("unsubscribed: {reason}")),
            _ => None,
        }
    }
}

impl Signal {
    /// What the event said, for people: "bounced (mailbox full), touch 12, to ann@example.com".
    pub fn describe(&self) -> String {
        let what = match &self.outcome {
            Outcome::Bounced { reason }
            | Outcome::Failed { reason }
            | Outcome::Unsubscribed { reason } => {
                format!("{} ({reason})", self.outcome.name())
            }
            Outcome::Noted { what } => format!("noted ({what})"),
            Outcome::Engaged(e) => format!("engaged ({})", e.as_str()),
            Outcome::CalledIn => "called in".to_owned(),
            other => other.name().to_owned(),
        };
        let mut parts = vec![format!("{} {what}", self.channel.as_str())];
        if let Some(touch) = self.target.touch {
            parts.push(format!("touch {touch}"));
        } else if let Some(message) = &self.target.message_id {
            parts.push(format!("message {message}"));
        }
        if let Some(address) = &self.target.address {
            parts.push(format!("address {address}"));
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::{Outcome, Signal, Target};
    use crate::domain::{ids::TouchId, Channel};
    use chrono::Utc;

    #[test]
    fn a_signal_describes_what_happened_and_to_whom() {
        let signal = Signal {
            event_id: "e1".into(),
            at: Utc::now(),
            channel: Channel::Sms,
            target: Target {
                touch: None,
                message_id: Some("SM1".into()),
                address: Some("+16175550100".into()),
            },
            outcome: Outcome::Unsubscribed {
                reason: "STOP".into(),
            },
        };
        assert_eq!(
            signal.describe(),
            "sms unsubscribed (STOP), message SM1, address +16175550100"
        );
        let signal = Signal {
            target: Target {
                touch: Some(TouchId(7)),
                ..Target::default()
            },
            outcome: Outcome::CalledIn,
            channel: Channel::Phone,
            ..signal
        };
        assert_eq!(signal.describe(), "phone called in, touch 7");
    }
}
