//! The rule set: plain data (serde) an admin edits, with DESIGN's defaults. Each rule has a
//! stable id (its field name, equal to the name of its
//! [`RuleId`](crate::domain::conflict::RuleId)), an enabled flag, a severity and its parameters.

mod entries;
pub mod params;
mod reach;
mod validate;

pub use validate::RulesError;

use crate::domain::clock::ClockTime;
use crate::domain::compliance::packs::RulePacks;
use crate::domain::compliance::Blackouts;
use crate::domain::conflict::Severity;
use crate::domain::span::Span;
use crate::domain::vocabulary::Channel;
use chrono::Weekday;
use params::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One rule: whether it runs, how hard it stops a touch, and its parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule<P> {
    /// Whether the rule runs at all.
    pub enabled: bool,
    /// `block` or `warn`.
    pub severity: Severity,
    /// The rule's parameters.
    pub params: P,
}

impl<P> Rule<P> {
    fn on(severity: Severity, params: P) -> Rule<P> {
        Rule {
            enabled: true,
            severity,
            params,
        }
    }
}

/// One alert: whether it is computed, and its parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertRule<P> {
    /// Whether the alert is computed.
    pub enabled: bool,
    /// The alert's parameters.
    pub params: P,
}

/// The whole contact policy. Missing entries in stored JSON take DESIGN's defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rules {
    /// `daily_cap`: 2 per 24 h, block.
    pub daily_cap: Rule<Cap>,
    /// `weekly_cap`: 5 per 7 d, block.
    pub weekly_cap: Rule<Cap>,
    /// `min_gap`: 4 h, block.
    pub min_gap: Rule<Gap>,
    /// `channel_mix`: 2 channels per 72 h, warn.
    pub channel_mix: Rule<ChannelMix>,
    /// `first_touch_cooldown`: 24 h, then 1 per 72 h, block.
    pub first_touch_cooldown: Rule<Cooldown>,
    /// `quiet_hours`: phone and SMS 09:00–20:00, no calls on Sunday, block.
    pub quiet_hours: Rule<QuietHours>,
    /// `consent`: block.
    pub consent: Rule<NoParams>,
    /// `do_not_contact`: block.
    pub do_not_contact: Rule<NoParams>,
    /// `customer_promo`: no acquisition promos to customers, 1 promo per 7 d, warn.
    pub customer_promo: Rule<Cap>,
    /// `owner_only`: block.
    pub owner_only: Rule<NoParams>,
    /// `cross_team`: 24 h, warn.
    pub cross_team: Rule<Window>,
    /// `addressee`: warn.
    pub addressee: Rule<NoParams>,
    /// `robo_care`: warn.
    pub robo_care: Rule<NoParams>,
    /// `audience`: warn.
    pub audience: Rule<NoParams>,
    /// `legal_hours`: the calling and texting hours of the rule packs that are on, block.
    pub legal_hours: Rule<NoParams>,
    /// `legal_call_cap`: the packs' caps on solicitation calls and texts, block.
    pub legal_call_cap: Rule<NoParams>,
    /// `holiday`: no solicitation calls on public holidays where a pack's law says so, block.
    pub holiday: Rule<NoParams>,
    /// `refusal_quiet_period`: the packs' quiet periods after a refusal, block.
    pub refusal_quiet_period: Rule<NoParams>,
    /// Which built-in rule packs are on (none by default).
    pub rule_packs: RulePacks,
    /// The company's blackout dates, enforced by `holiday` (none by default).
    pub blackouts: Blackouts,
    /// Mail's in-home window: 3 to 5 days after the drop.
    pub mail_in_home: MailInHome,
    /// `unanswered_reply`: 1 business day (09:00–17:00, Monday to Friday).
    pub unanswered_reply: AlertRule<ReplySla>,
    /// `cadence_gap`: 2 × the median gap, at least 14 d, once 3 touches make a sequence.
    pub cadence_gap: AlertRule<Cadence>,
    /// `claim_expiring`: 5 d without outbound work by the owner.
    pub claim_expiring: AlertRule<ClaimIdle>,
    /// How long a rep's claim on a contact lasts unless renewed: 14 days.
    pub claims: ClaimTerm,
}

fn hm(hour: u32, minute: u32) -> ClockTime {
    ClockTime::hm(hour, minute).unwrap_or_else(|| unreachable!("a valid constant time"))
}

impl Default for Rules {
    /// DESIGN's defaults.
    fn default() -> Self {
        use Severity::{Block, Warn};
        let cap = |limit, window| Cap { limit, window };
        Rules {
            daily_cap: Rule::on(Block, cap(2, Span::hours(24))),
            weekly_cap: Rule::on(Block, cap(5, Span::days(7))),
            min_gap: Rule::on(
                Block,
                Gap {
                    gap: Span::hours(4),
                },
            ),
            channel_mix: Rule::on(
                Warn,
                ChannelMix {
                    max_channels: 2,
                    window: Span::hours(72),
                },
            ),
            first_touch_cooldown: Rule::on(
                Block,
                Cooldown {
                    cooldown: Span::hours(24),
                    window: Span::hours(72),
                    limit: 1,
                },
            ),
            quiet_hours: Rule::on(
                Block,
                QuietHours {
                    channels: vec![Channel::Sms, Channel::Phone],
                    start: hm(9, 0),
                    end: hm(20, 0),
                    closed_days: BTreeMap::from([(Channel::Phone, vec![Weekday::Sun])]),
                },
            ),
            consent: Rule::on(Block, NoParams {}),
            do_not_contact: Rule::on(Block, NoParams {}),
            customer_promo: Rule::on(Warn, cap(1, Span::days(7))),
            owner_only: Rule::on(Block, NoParams {}),
            cross_team: Rule::on(
                Warn,
                Window {
                    window: Span::hours(24),
                },
            ),
            addressee: Rule::on(Warn, NoParams {}),
            robo_care: Rule::on(Warn, NoParams {}),
            audience: Rule::on(Warn, NoParams {}),
            legal_hours: Rule::on(Block, NoParams {}),
            legal_call_cap: Rule::on(Block, NoParams {}),
            holiday: Rule::on(Block, NoParams {}),
            refusal_quiet_period: Rule::on(Block, NoParams {}),
            rule_packs: RulePacks::default(),
            blackouts: Blackouts::default(),
            mail_in_home: MailInHome {
                min_days: 3,
                max_days: 5,
            },
            unanswered_reply: AlertRule {
                enabled: true,
                params: ReplySla {
                    business_days: 1,
                    opens: hm(9, 0),
                    closes: hm(17, 0),
                    workdays: vec![
                        Weekday::Mon,
                        Weekday::Tue,
                        Weekday::Wed,
                        Weekday::Thu,
                        Weekday::Fri,
                    ],
                },
            },
            cadence_gap: AlertRule {
                enabled: true,
                params: Cadence {
                    factor: 2,
                    at_least: Span::days(14),
                    min_touches: 3,
                },
            },
            claim_expiring: AlertRule {
                enabled: true,
                params: ClaimIdle {
                    idle: Span::days(5),
                },
            },
            claims: ClaimTerm { claim_days: 14 },
        }
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
