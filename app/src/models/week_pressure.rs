//! The week's pressure highlights for those who oversee, as the start page shows them: how
//! many contacts reach the weekly cap, the rules most run into, and who was ghosted or
//! breadcrumbed, with the dashboard one link away.

use crate::domain::RuleId;
use crate::models::named_contact::NamedContact;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The current week (Monday to Sunday, the viewer's days) in a few numbers, all teams.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekPressure {
    /// Its Monday and Sunday.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The weekly cap's limit, and how many contacts get at least that many touches.
    pub cap: i64,
    pub at_cap: u64,
    /// How many contacts are touched at all.
    pub touched: u64,
    /// The rules the week's touches run into most, with how many conflicts (at most three).
    pub top_rules: Vec<(RuleId, u64)>,
    /// Contacts ghosted and breadcrumbed this week (the latest few) and how many in all.
    pub ghosted: Vec<NamedContact>,
    pub ghosted_total: u64,
    pub breadcrumbed: Vec<NamedContact>,
    pub breadcrumbed_total: u64,
}

impl WeekPressure {
    /// The pressure dashboard over this week.
    pub fn dashboard_href(&self) -> String {
        format!("/dashboard?from={}&to={}", self.from, self.to)
    }

    /// "Mon 7 Dec – Sun 13 Dec, all teams."
    pub fn span_text(&self) -> String {
        format!(
            "{} – {}, all teams.",
            self.from.format("%a %-d %b"),
            self.to.format("%a %-d %b")
        )
    }

    /// "120 contacts touched this week; 4 get 5 or more touches (the weekly cap)."
    pub fn cap_text(&self) -> String {
        let touched = match self.touched {
            1 => "1 contact".to_owned(),
            n => format!("{n} contacts"),
        };
        let at_cap = match self.at_cap {
            0 => "none".to_owned(),
            n => n.to_string(),
        };
        let verb = if self.at_cap == 1 { "gets" } else { "get" };
        format!(
            "{touched} touched this week; {at_cap} {verb} {} or more touches (the weekly cap).",
            self.cap
        )
    }

    /// "Most conflicts: Daily cap (14), Several teams (6)." or that there are none.
    pub fn rules_text(&self) -> String {
        if self.top_rules.is_empty() {
            return "No touch this week carries a conflict.".to_owned();
        }
        let rules: Vec<String> = self
            .top_rules
            .iter()
            .map(|(rule, n)| format!("{} ({n})", rule.title()))
            .collect();
        format!("Most conflicts: {}.", rules.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(touched: u64, at_cap: u64, top_rules: Vec<(RuleId, u64)>) -> WeekPressure {
        WeekPressure {
            from: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 12, 13).unwrap(),
            cap: 5,
            at_cap,
            touched,
            top_rules,
            ghosted: Vec::new(),
            ghosted_total: 0,
            breadcrumbed: Vec::new(),
            breadcrumbed_total: 0,
        }
    }

    #[test]
    fn the_week_reads_as_sentences() {
        let busy = week(120, 4, vec![(RuleId::DailyCap, 14), (RuleId::CrossTeam, 6)]);
        assert_eq!(
            busy.cap_text(),
            "120 contacts touched this week; 4 get 5 or more touches (the weekly cap)."
        );
        assert_eq!(
            busy.rules_text(),
            "Most conflicts: Daily cap (14), Several teams (6)."
        );
        assert_eq!(busy.span_text(), "Mon 7 Dec – Sun 13 Dec, all teams.");
        assert_eq!(
            busy.dashboard_href(),
            "/dashboard?from=2026-12-07&to=2026-12-13"
        );
        let calm = week(1, 0, vec![]);
        assert_eq!(
            calm.cap_text(),
            "1 contact touched this week; none get 5 or more touches (the weekly cap)."
        );
        assert_eq!(calm.rules_text(), "No touch this week carries a conflict.");
    }
}
