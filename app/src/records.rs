//! What the pages and the REST API send and receive about stored things: contacts, touches and
//! interactions as wire records (serde), shared by both targets. The store's row types map to
//! these (see `store::rows`); the engine sees the smaller domain types instead.

use crate::domain::{
    compliance::{Country, Jurisdiction, JurisdictionSource, Region},
    conflict::{Alert, Conflict},
    contact::Consent,
    email::EmailAddress,
    ids::{CampaignId, ContactId, InteractionId, TeamId, TouchId, UserId},
    phone::PhoneNumber,
    policy::Decision,
    timezone::TimeZone,
    vocabulary::{Channel, InteractionKind, Purpose, Stage, TouchStatus},
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A contact's live owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Owner {
    /// The owning user.
    pub user_id: UserId,
    /// Their display name.
    pub name: String,
    /// When the claim was made.
    pub claimed_at: DateTime<Utc>,
    /// When it was last renewed by outbound work (or made).
    pub renewed_at: DateTime<Utc>,
    /// When it lapses unless renewed.
    pub expires_at: DateTime<Utc>,
}

/// A contact as the pages and the API show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Contact {
    /// Which contact.
    pub id: ContactId,
    /// The id of this person in another system.
    pub external_id: Option<String>,
    /// Full name.
    pub name: String,
    /// Email address.
    pub email: Option<EmailAddress>,
    /// Phone number.
    pub phone: Option<PhoneNumber>,
    /// Postal address, lines separated by newlines.
    pub address: Option<String>,
    /// The contact's own zone.
    pub timezone: TimeZone,
    /// Lifecycle stage.
    pub stage: Stage,
    /// Free attributes.
    pub attributes: BTreeMap<String, String>,
    /// Per-channel consent.
    pub consent: Consent,
    /// No touch except transactional ones.
    pub do_not_contact: bool,
    /// Account or household key.
    pub account_key: Option<String>,
    /// The live owner, if any (a lapsed claim is no owner).
    pub owner: Option<Owner>,
    /// Incremented by every change; send it back to update.
    pub version: i64,
    /// When the contact was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
    /// Country for the law (ISO 3166-1 alpha-2).
    pub country: Option<Country>,
    /// Region for the law (ISO 3166-2, e.g. `US-FL`).
    pub region: Option<Region>,
    /// The US state or Canadian province of the phone's area code.
    pub area_code_region: Option<Region>,
    /// Where `country` and `region` came from: `address`, `phone` or `manual`.
    pub jurisdiction_source: Option<JurisdictionSource>,
    /// Consent per topic that has a record: `{topic: "opted_in" | "opted_out"}`.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = std::collections::BTreeMap<String, String>))]
    pub consent_topics: BTreeMap<String, crate::domain::consent::TopicState>,
}

impl Contact {
    /// Where the contact is for the law, as one value.
    pub fn jurisdiction(&self) -> Jurisdiction {
        Jurisdiction {
            country: self.country,
            region: self.region,
            area_code_region: self.area_code_region,
            source: self.jurisdiction_source,
        }
    }
}

/// A touch with everything a calendar, a timeline or the API shows about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TouchRecord {
    /// Which touch.
    pub id: TouchId,
    /// The contact it reaches.
    pub contact_id: ContactId,
    /// How.
    pub channel: Channel,
    /// Why.
    pub purpose: Purpose,
    /// The sending team.
    pub team_id: TeamId,
    /// Who planned it.
    pub author_id: UserId,
    /// Its campaign, if any.
    pub campaign_id: Option<CampaignId>,
    /// When it goes out.
    pub scheduled_at: DateTime<Utc>,
    /// A short title.
    pub title: String,
    /// Free notes.
    pub notes: String,
    /// Sent by a robo-dialer or bulk tool.
    pub automated: bool,
    /// Addressed by name.
    pub personalized: bool,
    /// Audience conditions as written.
    pub audience: Option<String>,
    /// Where it is in its life.
    pub status: TouchStatus,
    /// The conflicts found at its last check.
    pub conflicts: Vec<Conflict>,
    /// Incremented by every change; send it back to reschedule or cancel.
    pub version: i64,
    /// When it was reported sent.
    pub sent_at: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// Something a contact did, as the pages and the API show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InteractionRecord {
    /// Which interaction.
    pub id: InteractionId,
    /// Who did it.
    pub contact_id: ContactId,
    /// What they did.
    pub kind: InteractionKind,
    /// On which channel.
    pub channel: Channel,
    /// When.
    pub at: DateTime<Utc>,
}

/// What the engine says about a touch that was not stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    /// Allow, warn or block.
    pub decision: Decision,
    /// Every conflict, blocks first.
    pub conflicts: Vec<Conflict>,
    /// The earliest instant at or after the asked time, within 14 days, with no block
    /// conflict; `None` when there is none.
    pub next_allowed_at: Option<DateTime<Utc>>,
}

impl Checked {
    /// The status scheduling the touch would give it: `pending_review` when a conflict
    /// blocks, else `planned`.
    pub fn status(&self) -> TouchStatus {
        if self.decision == Decision::Block {
            TouchStatus::PendingReview
        } else {
            TouchStatus::Planned
        }
    }
}

/// Everything the contact timeline page and `GET /contacts/{id}/timeline` show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Timeline {
    /// The contact, with its live owner.
    pub contact: Contact,
    /// Touches scheduled in the range, any status, by time.
    pub touches: Vec<TouchRecord>,
    /// Interactions in the range, by time.
    pub interactions: Vec<InteractionRecord>,
    /// Alerts that hold at `now`.
    pub alerts: Vec<Alert>,
    /// The latest consent records with their evidence, newest first.
    #[serde(default)]
    pub consent_history: Vec<ConsentEntry>,
}

/// One consent record with its evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ConsentEntry {
    /// The topic, for a topic's consent.
    pub topic: Option<String>,
    /// The channel, for a channel's consent.
    pub channel: Option<String>,
    /// `opted_in`, `not_set` or `opted_out`.
    pub state: String,
    /// `consent`, `ebr_purchase` or `ebr_inquiry`.
    pub basis: String,
    /// When a relationship basis began.
    pub basis_at: Option<DateTime<Utc>>,
    /// When it lapses.
    pub until: Option<DateTime<Utc>>,
    /// `form`, `import`, `api`, `webhook` or `keyword`.
    pub method: String,
    /// The wording or form version shown (or the column or keyword it came from).
    pub wording: Option<String>,
    /// Who recorded it (none for a provider or the contact's own text).
    pub recorded_by: Option<String>,
    /// When.
    pub recorded_at: DateTime<Utc>,
}
