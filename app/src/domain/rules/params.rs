//! The parameters of each rule kind, as plain serde data an admin edits.

use crate::domain::clock::ClockTime;
use crate::domain::span::Span;
use crate::domain::vocabulary::Channel;
use chrono::Weekday;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// At most `limit` touches in any rolling `window` (`daily_cap`, `weekly_cap`, and the
/// customer promo cap of `customer_promo`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cap {
    /// The most touches allowed in one window.
    pub limit: u32,
    /// The rolling window.
    pub window: Span,
}

/// At least `gap` between two touches (`min_gap`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// The minimum distance.
    pub gap: Span,
}

/// At most `max_channels` distinct channels in any rolling `window` (`channel_mix`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelMix {
    /// The most distinct channels in one window.
    pub max_channels: u32,
    /// The rolling window.
    pub window: Span,
}

/// After a first inbound interaction: no sales follow-up for `cooldown`, then at most `limit`
/// in the following `window` (`first_touch_cooldown`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cooldown {
    /// How long to leave the contact alone.
    pub cooldown: Span,
    /// The window after the cool-down.
    pub window: Span,
    /// The most sales follow-ups in that window.
    pub limit: u32,
}

/// Phone and SMS only between `start` and `end` in the contact's local time, and not on the
/// listed days (`quiet_hours`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuietHours {
    /// The channels the rule applies to.
    pub channels: Vec<Channel>,
    /// First allowed local time.
    pub start: ClockTime,
    /// First local time no longer allowed.
    pub end: ClockTime,
    /// Days on which a channel is not used at all, e.g. phone on Sunday.
    pub closed_days: BTreeMap<Channel, Vec<Weekday>>,
}

/// A window, for `cross_team`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// The rolling window.
    pub window: Span,
}

/// No parameters (`consent`, `do_not_contact`, `owner_only`, `addressee`, `robo_care`,
/// `audience`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoParams {}

/// The in-home window of direct mail, in days after the drop date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailInHome {
    /// The first day in homes (mail counts for caps on this day).
    pub min_days: u32,
    /// The last day in homes.
    pub max_days: u32,
}

/// The `unanswered_reply` SLA, counted in the contact's business hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplySla {
    /// How many business days the owner has to answer.
    pub business_days: u32,
    /// When a business day opens (contact's local time).
    pub opens: ClockTime,
    /// When it closes.
    pub closes: ClockTime,
    /// Which weekdays are business days.
    pub workdays: Vec<Weekday>,
}

/// The `cadence_gap` allowance: `factor` × the median gap of the owner's sequence, and never
/// less than `at_least`; a sequence needs `min_touches` touches to have a cadence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cadence {
    /// Multiplier of the median gap.
    pub factor: u32,
    /// The smallest allowed gap.
    pub at_least: Span,
    /// Touches needed before a sequence counts as active.
    pub min_touches: u32,
}

/// The `claim_expiring` threshold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimIdle {
    /// How long without outbound work by the owner before the alert.
    pub idle: Span,
}

/// The ownership setting: how many days a claim lasts, counted from the claim or from the
/// owner's latest outbound touch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimTerm {
    /// Days a claim lasts unless renewed (1 to 366).
    pub claim_days: u32,
}
