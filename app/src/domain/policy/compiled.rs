//! The rule set turned into what the hot path wants: windows in milliseconds, channel and
//! weekday sets as bit masks, disabled rules as `None`. Built once per [`super::Evaluator`].

use super::explain::push_time;
use super::reaching::Reaching;
use crate::domain::clock::ClockTime;
use crate::domain::compliance::packs::LegalRule;
use crate::domain::compliance::Blackouts;
use crate::domain::conflict::Severity;
use crate::domain::rules::params::{Cap, QuietHours};
use crate::domain::rules::{Rule, Rules};
use crate::domain::vocabulary::Channel;
use chrono::{NaiveTime, Weekday};

/// A rule that is on, with its severity and compiled parameters.
#[derive(Clone, Debug)]
pub(crate) struct On<P> {
    pub severity: Severity,
    pub p: P,
}

/// `limit` per rolling `window` (ms).
#[derive(Clone, Copy, Debug)]
pub(crate) struct CapMs {
    pub limit: u32,
    pub window: i64,
}

/// Cool-down then a limited window (ms).
#[derive(Clone, Copy, Debug)]
pub(crate) struct CooldownMs {
    pub cooldown: i64,
    pub window: i64,
    pub limit: u32,
}

/// Quiet hours: channel mask, local opening hours, closed weekdays per channel.
#[derive(Clone, Copy, Debug)]
pub(crate) struct QuietMs {
    pub channels: u8,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub closed: [u8; 4],
}

impl QuietMs {
    pub fn applies(&self, channel: Channel) -> bool {
        self.channels & (1 << channel.index()) != 0
    }

    pub fn closed_on(&self, channel: Channel, day: Weekday) -> bool {
        self.closed[channel.index()] & (1 << day.num_days_from_monday()) != 0
    }

    /// Appends the quiet window, `21:00–08:00`.
    pub fn push_hours(&self, out: &mut String) {
        push_time(out, self.start);
        out.push('–');
        push_time(out, self.end);
    }
}

/// The whole rule set, compiled.
#[derive(Clone, Debug)]
pub(crate) struct Compiled {
    pub daily_cap: Option<On<CapMs>>,
    pub weekly_cap: Option<On<CapMs>>,
    pub min_gap: Option<On<i64>>,
    pub channel_mix: Option<On<CapMs>>,
    pub cooldown: Option<On<CooldownMs>>,
    pub quiet_hours: Option<On<QuietMs>>,
    pub consent: Option<On<()>>,
    pub do_not_contact: Option<On<()>>,
    pub customer_promo: Option<On<CapMs>>,
    pub owner_only: Option<On<()>>,
    pub cross_team: Option<On<i64>>,
    pub addressee: Option<On<()>>,
    pub robo_care: Option<On<()>>,
    pub audience: Option<On<()>>,
    pub legal_hours: Option<On<()>>,
    pub legal_call_cap: Option<On<()>>,
    pub holiday: Option<On<()>>,
    pub refusal_quiet_period: Option<On<()>>,
    /// The rules of every pack that is on, the most specific first within each pack.
    pub legal: Vec<LegalRule>,
    /// The pack rules by the place their law covers.
    pub reaching: Reaching,
    /// The company's blackout dates (checked by `holiday` when it is on).
    pub blackouts: Blackouts,
    pub mail_min_days: u32,
    pub mail_max_days: u32,
}

fn on<P, Q>(rule: &Rule<P>, compile: impl FnOnce(&P) -> Q) -> Option<On<Q>> {
    rule.enabled.then(|| On {
        severity: rule.severity,
        p: compile(&rule.params),
    })
}

fn cap(cap: &Cap) -> CapMs {
    CapMs {
        limit: cap.limit,
        window: cap.window.as_millis(),
    }
}

fn quiet(q: &QuietHours) -> QuietMs {
    let mut closed = [0u8; 4];
    for (channel, days) in &q.closed_days {
        for day in days {
            closed[channel.index()] |= 1 << day.num_days_from_monday();
        }
    }
    QuietMs {
        channels: q.channels.iter().fold(0, |m, c| m | 1 << c.index()),
        start: ClockTime::time(q.start),
        end: ClockTime::time(q.end),
        closed,
    }
}

impl Compiled {
    pub fn new(rules: &Rules) -> Compiled {
        let legal: Vec<LegalRule> = rules.rule_packs.rules().collect();
        Compiled {
            daily_cap: on(&rules.daily_cap, cap),
            weekly_cap: on(&rules.weekly_cap, cap),
            min_gap: on(&rules.min_gap, |g| g.gap.as_millis()),
            channel_mix: on(&rules.channel_mix, |m| CapMs {
                limit: m.max_channels,
                window: m.window.as_millis(),
            }),
            cooldown: on(&rules.first_touch_cooldown, |c| CooldownMs {
                cooldown: c.cooldown.as_millis(),
                window: c.window.as_millis(),
                limit: c.limit,
            }),
            quiet_hours: on(&rules.quiet_hours, quiet),
            consent: on(&rules.consent, |_| ()),
            do_not_contact: on(&rules.do_not_contact, |_| ()),
            customer_promo: on(&rules.customer_promo, cap),
            owner_only: on(&rules.owner_only, |_| ()),
            cross_team: on(&rules.cross_team, |w| w.window.as_millis()),
            addressee: on(&rules.addressee, |_| ()),
            robo_care: on(&rules.robo_care, |_| ()),
            audience: on(&rules.audience, |_| ()),
            legal_hours: on(&rules.legal_hours, |_| ()),
            legal_call_cap: on(&rules.legal_call_cap, |_| ()),
            holiday: on(&rules.holiday, |_| ()),
            refusal_quiet_period: on(&rules.refusal_quiet_period, |_| ()),
            legal: legal.clone(),
            reaching: Reaching::new(&legal),
            blackouts: rules.blackouts.clone(),
            mail_min_days: rules.mail_in_home.min_days,
            mail_max_days: rules.mail_in_home.max_days,
        }
    }
}
