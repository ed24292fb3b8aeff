//! What closes a calendar day besides touches: the public holidays of the countries whose rule
//! packs are on, and the company's blackout dates (those reaching the filtered team and
//! channel). Pure: built from the rules for the days shown.

use crate::domain::compliance::holidays::holidays;
use crate::domain::compliance::{Blackouts, RulePacks};
use crate::domain::ids::TeamId;
use crate::domain::Channel;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What a mark is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkKind {
    /// A public holiday (or the day it is observed on).
    Holiday,
    /// A company blackout date.
    Blackout,
}

/// One mark on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayMark {
    /// The day.
    pub date: NaiveDate,
    /// Holiday or blackout.
    pub kind: MarkKind,
    /// What people read: `US: Christmas Day (observed)`, `Blackout: Crisis freeze (calls)`.
    pub text: String,
}

/// The marks of `dates` (in order), holidays first, each day's in a stable order.
pub fn day_marks(
    dates: &[NaiveDate],
    packs: &RulePacks,
    blackouts: &Blackouts,
    team: Option<TeamId>,
    channel: Option<Channel>,
) -> Vec<DayMark> {
    let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
        return Vec::new();
    };
    let shown = |d: NaiveDate| d >= *first && d <= *last;
    let mut marks = Vec::new();
    let years: BTreeSet<i32> = [first.year() - 1, first.year(), last.year()].into();
    for pack in &packs.enabled {
        let country = pack.country();
        for year in &years {
            for holiday in holidays(country, None, *year) {
                if shown(holiday.date) {
                    marks.push(DayMark {
                        date: holiday.date,
                        kind: MarkKind::Holiday,
                        text: format!("{country}: {}", holiday.name),
                    });
                }
                if let Some(observed) = holiday.observed.filter(|d| shown(*d)) {
                    marks.push(DayMark {
                        date: observed,
                        kind: MarkKind::Holiday,
                        text: format!("{country}: {} (observed)", holiday.name),
                    });
                }
            }
        }
    }
    for blackout in &blackouts.days {
        let on_channel =
            channel.is_none_or(|c| blackout.channels.is_empty() || blackout.channels.contains(&c));
        if shown(blackout.date) && on_channel && blackout.touches_day(blackout.date, team) {
            let what = if blackout.channels.is_empty() {
                String::new()
            } else {
                let names: Vec<&str> = blackout.channels.iter().map(|c| c.noun()).collect();
                format!(" ({})", names.join(", "))
            };
            marks.push(DayMark {
                date: blackout.date,
                kind: MarkKind::Blackout,
                text: format!("Blackout: {}{what}", blackout.name),
            });
        }
    }
    marks.sort_by(|a, b| {
        (a.date, a.kind == MarkKind::Blackout).cmp(&(b.date, b.kind == MarkKind::Blackout))
    });
    marks.dedup();
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::{Blackout, PackId};

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn holidays_of_the_packs_on_and_blackouts_for_the_filtered_team_show() {
        let dates: Vec<NaiveDate> = d("2026-12-21").iter_days().take(14).collect();
        let packs = RulePacks {
            enabled: [PackId::Us, PackId::Fr].into(),
            ..RulePacks::default()
        };
        let blackouts = Blackouts {
            days: vec![
                Blackout {
                    date: d("2026-12-24"),
                    name: "Freeze".into(),
                    channels: [Channel::Phone].into(),
                    teams: [TeamId(3)].into(),
                },
                Blackout {
                    date: d("2027-02-01"),
                    name: "Too late".into(),
                    channels: Default::default(),
                    teams: Default::default(),
                },
            ],
        };
        let marks = day_marks(&dates, &packs, &blackouts, None, None);
        let texts: Vec<(String, &str)> = marks
            .iter()
            .map(|m| (m.date.to_string(), m.text.as_str()))
            .collect();
        assert!(
            texts.contains(&("2026-12-25".into(), "US: Christmas Day")),
            "{texts:?}"
        );
        assert!(
            texts.contains(&("2026-12-25".into(), "FR: Noël")),
            "{texts:?}"
        );
        assert!(
            texts.contains(&("2026-12-24".into(), "Blackout: Freeze (call)")),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|(_, t)| t.contains("Too late")));
        // New Year's Day 2027 falls on a Friday; 1 January shows for both countries.
        assert!(texts
            .iter()
            .any(|(d, t)| d == "2027-01-01" && t.starts_with("US:")));
        let other_team = day_marks(&dates, &packs, &blackouts, Some(TeamId(1)), None);
        assert!(!other_team.iter().any(|m| m.kind == MarkKind::Blackout));
        let email = day_marks(&dates, &packs, &blackouts, None, Some(Channel::Email));
        assert!(!email.iter().any(|m| m.kind == MarkKind::Blackout));
        let none = day_marks(
            &dates,
            &RulePacks::default(),
            &Blackouts::default(),
            None,
            None,
        );
        assert!(none.is_empty());
    }
}
