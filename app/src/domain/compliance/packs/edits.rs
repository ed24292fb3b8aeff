//! An admin's edits of single pack rules: switched off, or a cap's limit or a quiet period's
//! length changed. The pack's own value stays beside each edit, and an edit that allows more
//! than the law says is a weakening the pages and the API warn about.

use super::{LegalKind, LegalRule, PackId};
use serde::{Deserialize, Serialize};

/// One rule's edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackRuleEdit {
    /// Whether the rule runs.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// A cap's limit instead of the law's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// A quiet period's length in days instead of the law's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
}

fn yes() -> bool {
    true
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No pack rule has this key.
    #[error("there is no pack rule {0:?}")]
    UnknownRule(String),
    /// A value the rule does not have.
    #[error("{key}: {reason}")]
    Invalid {
        /// The rule's key.
        key: String,
        /// What is wrong.
        reason: &'static str,
    },
}

/// The rule with this key, in any pack, and its pack.
pub fn find(key: &str) -> Option<(PackId, &'static LegalRule)> {
    PackId::ALL.iter().find_map(|id| {
        id.pack()
            .rules
            .iter()
            .find(|r| r.key == key)
            .map(|r| (*id, r))
    })
}

impl PackRuleEdit {
    /// Checks the edit against its rule.
    pub fn check(&self, rule: &LegalRule) -> Result<(), EditError> {
        let invalid = |reason| EditError::Invalid {
            key: rule.key.to_owned(),
            reason,
        };
        match (rule.kind, self.limit, self.days) {
            (_, Some(0), _) => Err(invalid("limit: must be at least 1")),
            (_, _, Some(0)) => Err(invalid("days: must be at least 1")),
            (_, _, Some(d)) if d > 3650 => Err(invalid("days: at most 3650")),
            (_, Some(l), _) if l > 1000 => Err(invalid("limit: at most 1000")),
            (LegalKind::Cap { .. }, _, Some(_)) => {
                Err(invalid("days: a cap has a limit, not days"))
            }
            (LegalKind::RefusalQuiet { days: Some(_) }, Some(_), _) => {
                Err(invalid("limit: a quiet period has days, not a limit"))
            }
            (LegalKind::RefusalQuiet { days: None }, _, Some(_)) => Err(invalid(
                "days: this quiet period lasts for good; switch it off instead",
            )),
            (LegalKind::Hours(_) | LegalKind::Holidays, Some(_), _)
            | (LegalKind::Hours(_) | LegalKind::Holidays, _, Some(_)) => {
                Err(invalid("this rule can only be switched on or off"))
            }
            _ => Ok(()),
        }
    }

    /// The rule as edited, or `None` when switched off.
    pub fn apply(&self, rule: &LegalRule) -> Option<LegalRule> {
        if !self.enabled {
            return None;
        }
        let mut edited = *rule;
        edited.kind = match rule.kind {
            LegalKind::Cap { limit, hours } => LegalKind::Cap {
                limit: self.limit.unwrap_or(limit),
                hours,
            },
            LegalKind::RefusalQuiet { days } => LegalKind::RefusalQuiet {
                days: days.map(|d| self.days.unwrap_or(d)),
            },
            other => other,
        };
        Some(edited)
    }

    /// Whether the edit allows more than the law: the rule off, a higher cap, a shorter quiet
    /// period.
    pub fn weakens(&self, rule: &LegalRule) -> bool {
        !self.enabled
            || match rule.kind {
                LegalKind::Cap { limit, .. } => self.limit.is_some_and(|l| l > limit),
                LegalKind::RefusalQuiet { days: Some(d) } => self.days.is_some_and(|e| e < d),
                _ => false,
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn florida() -> &'static LegalRule {
        find("us-fl-cap").unwrap().1
    }

    #[test]
    fn a_higher_cap_or_a_rule_off_weakens_and_a_lower_cap_does_not() {
        let higher = PackRuleEdit {
            enabled: true,
            limit: Some(5),
            days: None,
        };
        let lower = PackRuleEdit {
            enabled: true,
            limit: Some(2),
            days: None,
        };
        let off = PackRuleEdit {
            enabled: false,
            limit: None,
            days: None,
        };
        assert!(higher.weakens(florida()));
        assert!(!lower.weakens(florida()));
        assert!(off.weakens(florida()));
        assert_eq!(off.apply(florida()), None);
        let edited = lower.apply(florida()).unwrap();
        assert!(matches!(
            edited.kind,
            LegalKind::Cap {
                limit: 2,
                hours: 24
            }
        ));
    }

    #[test]
    fn an_edit_must_fit_its_rule() {
        let days = PackRuleEdit {
            enabled: true,
            limit: None,
            days: Some(3),
        };
        assert!(days.check(florida()).is_err());
        let zero = PackRuleEdit {
            enabled: true,
            limit: Some(0),
            days: None,
        };
        assert!(zero.check(florida()).is_err());
        let hours = find("us-tx-hours").unwrap().1;
        let limit = PackRuleEdit {
            enabled: true,
            limit: Some(3),
            days: None,
        };
        assert!(limit.check(hours).is_err());
        let off = PackRuleEdit {
            enabled: false,
            limit: None,
            days: None,
        };
        assert!(off.check(hours).is_ok());
        assert!(find("no-such-rule").is_none());
    }
}
