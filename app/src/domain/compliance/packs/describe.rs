//! A pack rule in plain words for the settings page and the API: where it applies, which rule
//! id enforces it and what it allows.

use super::{LegalKind, LegalRule, Scope, Week};
use crate::domain::conflict::RuleId;
use crate::domain::vocabulary::Channel;
use std::fmt::Write as _;

/// The rule id that enforces this kind of rule.
pub fn rule_id(kind: &LegalKind) -> RuleId {
    match kind {
        LegalKind::Hours(_) => RuleId::LegalHours,
        LegalKind::Cap { .. } => RuleId::LegalCallCap,
        LegalKind::Holidays => RuleId::Holiday,
        LegalKind::RefusalQuiet { .. } => RuleId::RefusalQuietPeriod,
    }
}

/// `Florida (US-FL)`, `France (FR)`.
pub fn place(scope: Scope) -> String {
    match scope {
        Scope::Region(region) => format!("{} ({region})", region.name()),
        Scope::Country(country) => {
            let name = country.name().trim_start_matches("the ");
            format!("{name} ({country})")
        }
    }
}

fn channels(list: &[Channel]) -> String {
    let nouns: Vec<&str> = list
        .iter()
        .map(|c| match c {
            Channel::Phone => "calls",
            Channel::Sms => "texts",
            Channel::Email => "emails",
            Channel::Mail => "mail",
        })
        .collect();
    match nouns.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `10:00–13:00 and 14:00–20:00`, or `none` for a closed day; written straight into the
/// formatter, since the engine writes it into explanations.
pub struct Windows<'a>(pub &'a [(u16, u16)]);

impl std::fmt::Display for Windows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            return f.write_str("none");
        }
        for (k, (start, end)) in self.0.iter().enumerate() {
            if k > 0 {
                f.write_str(" and ")?;
            }
            hhmm(f, *start)?;
            f.write_char('–')?;
            hhmm(f, *end)?;
        }
        Ok(())
    }
}

/// Writes minutes after midnight as `09:05`, digit by digit (the engine explains legal hours
/// for every contact it judges outside them; padded integer formatting is slow next to that).
fn hhmm(f: &mut impl std::fmt::Write, minutes: u16) -> std::fmt::Result {
    let (hour, minute) = (minutes / 60, minutes % 60);
    for digit in [hour / 10 % 10, hour % 10] {
        f.write_char(char::from(b'0' + digit as u8))?;
    }
    f.write_char(':')?;
    for digit in [minute / 10, minute % 10] {
        f.write_char(char::from(b'0' + digit as u8))?;
    }
    Ok(())
}

/// `Mon–Sat 09:00–21:00, Sun 12:00–21:00`: runs of days with the same hours.
fn week_text(week: &Week) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut parts = Vec::new();
    let mut start = 0;
    while start < 7 {
        let mut end = start;
        while end + 1 < 7 && week[end + 1] == week[start] {
            end += 1;
        }
        let days = match (start, end) {
            (0, 6) => "every day".to_owned(),
            (s, e) if s == e => DAYS[s].to_owned(),
            (s, e) => format!("{}–{}", DAYS[s], DAYS[e]),
        };
        parts.push(format!("{days} {}", Windows(week[start])));
        start = end + 1;
    }
    parts.join(", ")
}

/// `calls` for a limit above one, `call` for one.
fn one_or_more(what: &str, limit: u32) -> String {
    if limit == 1 {
        what.replace("calls", "call").replace("texts", "text")
    } else {
        what.to_owned()
    }
}

/// What the rule allows, in a sentence.
pub fn allows(rule: &LegalRule) -> String {
    let what = channels(rule.channels);
    match &rule.kind {
        LegalKind::Hours(week) => format!(
            "Sales {what} only {}, in the contact's local time",
            week_text(week)
        ),
        LegalKind::Cap { limit, hours } if hours % 24 == 0 && *hours > 24 => {
            let what = one_or_more(&what, *limit);
            format!(
                "At most {limit} sales {what} per {} days, all teams together",
                hours / 24
            )
        }
        LegalKind::Cap { limit, hours } => {
            let what = one_or_more(&what, *limit);
            format!("At most {limit} sales {what} per {hours} h, all teams together")
        }
        LegalKind::Holidays => {
            format!("No sales {what} on public holidays (or the days they are observed on)")
        }
        LegalKind::RefusalQuiet { days: Some(days) } => {
            format!("No sales {what} for {days} days after the contact refused")
        }
        LegalKind::RefusalQuiet { days: None } => {
            format!("No marketing {what} ever again once the contact objected")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::packs::PackId;

    fn rule(key: &str) -> &'static LegalRule {
        PackId::ALL
            .iter()
            .flat_map(|id| id.pack().rules.iter())
            .find(|r| r.key == key)
            .unwrap()
    }

    #[test]
    fn rules_read_as_sentences() {
        assert_eq!(
            allows(rule("us-tx-hours")),
            "Sales calls and texts only Mon–Sat 09:00–21:00, Sun 12:00–21:00, in the contact's local time"
        );
        assert_eq!(
            allows(rule("fr-hours")),
            "Sales calls only Mon–Fri 10:00–13:00 and 14:00–20:00, Sat–Sun none, in the contact's local time"
        );
        assert_eq!(
            allows(rule("fr-cap")),
            "At most 4 sales calls per 30 days, all teams together"
        );
        assert_eq!(
            allows(rule("us-fl-cap")),
            "At most 3 sales calls per 24 h, all teams together"
        );
        assert_eq!(place(rule("us-fl-cap").scope), "Florida (US-FL)");
        assert_eq!(place(rule("us-hours").scope), "United States (US)");
        assert_eq!(
            rule_id(&rule("fr-refusal").kind),
            RuleId::RefusalQuietPeriod
        );
    }
}
