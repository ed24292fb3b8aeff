//! Refuses rule sets that cannot mean anything (a window of 0, a cap below 1, quiet hours that
//! end before they start), with a message that names the rule and the field.

use super::Rules;
use crate::domain::span::Span;
use thiserror::Error;

/// Why a rule set was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RulesError {
    /// A parameter is out of range.
    #[error("{rule}.{field}: {reason}")]
    Invalid {
        /// The rule, alert or setting id, e.g. `daily_cap`.
        rule: &'static str,
        /// The parameter, e.g. `params.window`.
        field: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// An entry whose id is not a rule, alert or setting.
    #[error("unknown rule {0:?}")]
    UnknownRule(String),
    /// An entry that does not have the rule's shape.
    #[error("{rule}: {message}")]
    Malformed {
        /// The entry's id.
        rule: String,
        /// The parse error.
        message: String,
    },
}

/// The longest window a rule may use: the store reads the ledger this far around an instant.
const LONGEST: Span = Span::days(366);

fn invalid(rule: &'static str, field: &'static str, reason: impl Into<String>) -> RulesError {
    RulesError::Invalid {
        rule,
        field,
        reason: reason.into(),
    }
}

fn span(rule: &'static str, field: &'static str, value: Span) -> Result<(), RulesError> {
    if value.is_zero() {
        return Err(invalid(rule, field, "a duration of 0 is not allowed"));
    }
    if value > LONGEST {
        return Err(invalid(
            rule,
            field,
            format!("at most {LONGEST} is allowed"),
        ));
    }
    Ok(())
}

fn at_least_one(rule: &'static str, field: &'static str, value: u32) -> Result<(), RulesError> {
    if value < 1 {
        return Err(invalid(rule, field, "must be at least 1"));
    }
    Ok(())
}

impl Rules {
    /// Checks every parameter; the first problem found is returned.
    pub fn validate(&self) -> Result<(), RulesError> {
        for (rule, cap) in [
            ("daily_cap", &self.daily_cap.params),
            ("weekly_cap", &self.weekly_cap.params),
            ("customer_promo", &self.customer_promo.params),
        ] {
            at_least_one(rule, "params.limit", cap.limit)?;
            span(rule, "params.window", cap.window)?;
        }
        span("min_gap", "params.gap", self.min_gap.params.gap)?;
        at_least_one(
            "channel_mix",
            "params.max_channels",
            self.channel_mix.params.max_channels,
        )?;
        span(
            "channel_mix",
            "params.window",
            self.channel_mix.params.window,
        )?;
        let cooldown = &self.first_touch_cooldown.params;
        span("first_touch_cooldown", "params.cooldown", cooldown.cooldown)?;
        span("first_touch_cooldown", "params.window", cooldown.window)?;
        at_least_one("first_touch_cooldown", "params.limit", cooldown.limit)?;
        let quiet = &self.quiet_hours.params;
        if quiet.start >= quiet.end {
            return Err(invalid(
                "quiet_hours",
                "params.end",
                format!("must be after start ({})", quiet.start),
            ));
        }
        span("cross_team", "params.window", self.cross_team.params.window)?;
        self.rule_packs
            .validate()
            .map_err(|e| invalid("rule_packs", "edits", e.to_string()))?;
        self.blackouts
            .validate()
            .map_err(|e| invalid("blackouts", "days", e.to_string()))?;
        let mail = &self.mail_in_home;
        if mail.max_days < mail.min_days || mail.max_days > 60 {
            return Err(invalid(
                "mail_in_home",
                "max_days",
                format!("must be between min_days ({}) and 60", mail.min_days),
            ));
        }
        let sla = &self.unanswered_reply.params;
        at_least_one(
            "unanswered_reply",
            "params.business_days",
            sla.business_days,
        )?;
        if sla.business_days > 30 {
            return Err(invalid(
                "unanswered_reply",
                "params.business_days",
                "at most 30",
            ));
        }
        if sla.opens >= sla.closes {
            return Err(invalid(
                "unanswered_reply",
                "params.closes",
                format!("must be after opens ({})", sla.opens),
            ));
        }
        if sla.workdays.is_empty() {
            return Err(invalid(
                "unanswered_reply",
                "params.workdays",
                "needs at least one day",
            ));
        }
        let cadence = &self.cadence_gap.params;
        at_least_one("cadence_gap", "params.factor", cadence.factor)?;
        span("cadence_gap", "params.at_least", cadence.at_least)?;
        if cadence.min_touches < 2 {
            return Err(invalid(
                "cadence_gap",
                "params.min_touches",
                "must be at least 2",
            ));
        }
        span(
            "claim_expiring",
            "params.idle",
            self.claim_expiring.params.idle,
        )?;
        if !(1..=366).contains(&self.claims.claim_days) {
            return Err(invalid("claims", "claim_days", "must be between 1 and 366"));
        }
        Ok(())
    }
}
