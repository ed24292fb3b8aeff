//! The policy engine's view of a contact: just what the rules need (stage, zone, consent,
//! reachability, owner, attributes), so the engine never sees names, addresses or phone numbers.

use super::compliance::Jurisdiction;
use super::consent::TopicConsents;
use super::ids::{ContactId, UserId};
use super::timezone::TimeZone;
use super::vocabulary::{Channel, Stage};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Per-channel consent, as stored with the contact: email not unsubscribed, SMS opted in,
/// phone not on the do-not-call list, mail not refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Consent {
    /// Email allowed (false once the contact unsubscribes).
    pub email: bool,
    /// SMS opted in (SMS needs an explicit opt-in, so it defaults to false).
    pub sms: bool,
    /// Phone allowed (false when the number is on a do-not-call list).
    pub phone: bool,
    /// Mail allowed.
    pub mail: bool,
}

impl Default for Consent {
    /// A new contact: email, phone and mail allowed, SMS not opted in.
    fn default() -> Self {
        Consent {
            email: true,
            sms: false,
            phone: true,
            mail: true,
        }
    }
}

impl Consent {
    /// Whether this channel is consented to.
    pub fn allows(self, channel: Channel) -> bool {
        match channel {
            Channel::Email => self.email,
            Channel::Sms => self.sms,
            Channel::Phone => self.phone,
            Channel::Mail => self.mail,
        }
    }
}

/// Which ways of reaching the contact are on file (an email, a phone, a full postal address).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reach {
    /// An email address is on file.
    pub email: bool,
    /// A phone number is on file (for calls and SMS).
    pub phone: bool,
    /// A full postal address is on file (for mail).
    pub postal_address: bool,
}

impl Reach {
    /// Every way on file.
    pub const ALL: Reach = Reach {
        email: true,
        phone: true,
        postal_address: true,
    };

    /// Whether the contact can be reached on this channel at all.
    pub fn has(self, channel: Channel) -> bool {
        match channel {
            Channel::Email => self.email,
            Channel::Sms | Channel::Phone => self.phone,
            Channel::Mail => self.postal_address,
        }
    }
}

/// A rep's current ownership of a contact. The store passes only a live claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Claim {
    /// The owner.
    pub owner: UserId,
    /// When the claim was made or last renewed.
    pub since: DateTime<Utc>,
    /// When it lapses unless renewed.
    pub expires_at: DateTime<Utc>,
}

/// Everything the contact policy needs to know about one contact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactFacts {
    /// Which contact.
    pub id: ContactId,
    /// Lifecycle stage.
    pub stage: Stage,
    /// The contact's own zone: quiet hours and business hours are read here.
    pub time_zone: TimeZone,
    /// Per-channel consent.
    pub consent: Consent,
    /// Which addresses are on file.
    pub reach: Reach,
    /// No touch at all except transactional ones.
    pub do_not_contact: bool,
    /// The live ownership claim, if any.
    pub claim: Option<Claim>,
    /// Free attributes (key → value) for audience conditions.
    pub attributes: BTreeMap<String, String>,
    /// Where the contact is for the law (its place and its phone's area code).
    pub jurisdiction: Jurisdiction,
    /// Consent per topic (only topics with a record).
    #[serde(default)]
    pub topics: TopicConsents,
    /// The channels (bit `1 << channel.index()`) on which the contact's number or address is
    /// on a suppression list in force.
    #[serde(default)]
    pub suppressed: u8,
    /// The contact's first inbound interaction ever, when known to the store; the engine also
    /// looks at the interactions in the ledger and takes the earlier.
    pub first_inbound_at: Option<DateTime<Utc>>,
}

impl ContactFacts {
    /// A contact with default consent, every address on file, no owner and no attributes.
    pub fn new(id: ContactId, stage: Stage, time_zone: TimeZone) -> Self {
        ContactFacts {
            id,
            stage,
            time_zone,
            consent: Consent::default(),
            reach: Reach::ALL,
            do_not_contact: false,
            claim: None,
            attributes: BTreeMap::new(),
            first_inbound_at: None,
            jurisdiction: Jurisdiction::default(),
            topics: TopicConsents::default(),
            suppressed: 0,
        }
    }

    /// The owner, when the contact is claimed.
    pub fn owner(&self) -> Option<UserId> {
        self.claim.map(|claim| claim.owner)
    }
}
