//! What the policy engine says about a touch (a [`Conflict`]) and about a contact (an
//! [`Alert`]), with the stable ids of DESIGN's rule and alert tables.

use super::ids::TouchId;
use super::str_enum::str_enum;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

str_enum! {
    /// The stable id of a contact-policy rule, as in DESIGN's table (the order is the table's).
    pub enum RuleId ("rule") {
        /// At most N touches per contact in any rolling 24 h.
        DailyCap = "daily_cap",
        /// At most N touches per contact in any rolling 7 d.
        WeeklyCap = "weekly_cap",
        /// A minimum gap between two touches.
        MinGap = "min_gap",
        /// At most N distinct channels per window.
        ChannelMix = "channel_mix",
        /// No sales follow-up right after a first inbound interaction.
        FirstTouchCooldown = "first_touch_cooldown",
        /// Phone and SMS only inside the contact's local hours.
        QuietHours = "quiet_hours",
        /// The channel needs consent.
        Consent = "consent",
        /// Nothing but transactional touches.
        DoNotContact = "do_not_contact",
        /// No acquisition promos to customers; fewer promos for them.
        CustomerPromo = "customer_promo",
        /// Only the owner sends sales follow-ups to an owned contact.
        OwnerOnly = "owner_only",
        /// Two or more teams touching one contact within a window.
        CrossTeam = "cross_team",
        /// Mail and email to a known contact must be personalized.
        Addressee = "addressee",
        /// An automated call for a relationship purpose.
        RoboCare = "robo_care",
        /// The contact fails the touch's audience conditions.
        Audience = "audience",
        /// Outside the calling or texting hours the law of the contact's place allows.
        LegalHours = "legal_hours",
        /// More solicitation calls (or texts) than the law allows per 24 h or 30 d.
        LegalCallCap = "legal_call_cap",
        /// On a public holiday where the law forbids solicitation calls.
        Holiday = "holiday",
        /// Within the quiet period the law sets after a refusal.
        RefusalQuietPeriod = "refusal_quiet_period",
    }
}

impl RuleId {
    /// The rule's name as people say it ("Daily cap"); the id stays beside it for those who
    /// configure rules or read the API.
    pub fn title(self) -> &'static str {
        match self {
            RuleId::DailyCap => "Daily cap",
            RuleId::WeeklyCap => "Weekly cap",
            RuleId::MinGap => "Minimum gap",
            RuleId::ChannelMix => "Channel mix",
            RuleId::FirstTouchCooldown => "First-touch cool-down",
            RuleId::QuietHours => "Quiet hours",
            RuleId::Consent => "Consent",
            RuleId::DoNotContact => "Do not contact",
            RuleId::CustomerPromo => "Customer promotions",
            RuleId::OwnerOnly => "Owner only",
            RuleId::CrossTeam => "Several teams",
            RuleId::Addressee => "Personal address",
            RuleId::RoboCare => "Automated care call",
            RuleId::Audience => "Audience",
            RuleId::LegalHours => "Legal calling hours",
            RuleId::LegalCallCap => "Legal call cap",
            RuleId::Holiday => "Holiday or blackout",
            RuleId::RefusalQuietPeriod => "Quiet period after a refusal",
        }
    }

    /// Whether a manager may override a block of this rule in review. A withdrawal of consent
    /// and a do-not-contact flag (suppression lists included) are the contact's own word: no
    /// one overrides them, so a campaign leaves such recipients out instead of sending them to
    /// review.
    pub fn overridable(self) -> bool {
        !matches!(self, RuleId::Consent | RuleId::DoNotContact)
    }

    /// A dense index (0..18) for bit sets.
    pub fn index(self) -> usize {
        self as usize
    }
}

str_enum! {
    /// The stable id of a contact alert, as in DESIGN's alert table.
    pub enum AlertId ("alert") {
        /// An inbound reply, call or form not answered by the owner within the SLA.
        UnansweredReply = "unanswered_reply",
        /// An owned sequence that stopped for longer than its cadence allows.
        CadenceGap = "cadence_gap",
        /// A claim about to lapse for lack of outbound work.
        ClaimExpiring = "claim_expiring",
    }
}

str_enum! {
    /// How hard a rule stops a touch. `block` sends the touch to review; `warn` is shown and
    /// stored with it. Ordered so that `block` sorts first.
    pub enum Severity ("severity") {
        /// The touch can be saved only as `pending_review`.
        Block = "block",
        /// Shown and stored; the touch goes ahead.
        Warn = "warn",
    }
}

/// One reason a proposed touch should not (or should not quite) go out as planned.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Conflict {
    /// The index, in the slice given to the engine, of the proposed touch this is about.
    pub proposed: usize,
    /// Which rule.
    pub rule: RuleId,
    /// How hard it stops the touch.
    pub severity: Severity,
    /// A plain-language explanation naming the teams, channels and local times involved.
    pub message: String,
    /// The other touches involved that have ids (ledger touches, or proposed ones being moved),
    /// ascending.
    pub touch_ids: Vec<TouchId>,
}

impl Conflict {
    /// The canonical order: by proposed touch, blocks first, then rule, then the touches.
    pub fn canonical_cmp(&self, other: &Conflict) -> std::cmp::Ordering {
        (
            self.proposed,
            self.severity,
            self.rule,
            &self.touch_ids,
            &self.message,
        )
            .cmp(&(
                other.proposed,
                other.severity,
                other.rule,
                &other.touch_ids,
                &other.message,
            ))
    }
}

/// Something about a contact that needs a person's attention (not tied to one touch).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Alert {
    /// Which alert.
    pub alert: AlertId,
    /// A plain-language explanation.
    pub message: String,
    /// Since when the alert holds (e.g. the deadline that was missed).
    pub since: DateTime<Utc>,
}
