//! Company blackout dates: days an admin closes to outreach (a sale-free day, a crisis freeze),
//! for every channel and team or only some. Kept with the rules (the `blackouts` entry) and
//! enforced by the `holiday` rule on the contact's local date; transactional touches still go.

use crate::domain::dates;
use crate::domain::ids::TeamId;
use crate::domain::label::{check_label, LabelFault};
use crate::domain::vocabulary::Channel;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The most blackout dates a company keeps.
pub const MOST: usize = 500;

/// The longest name a blackout date may have.
pub const LONGEST_NAME: usize = crate::domain::label::LONGEST;

/// One closed day.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Blackout {
    /// The day, read on each contact's own calendar; a new one is today or later (yesterday,
    /// in UTC, is still taken), in the years 1900 to 2999.
    #[cfg_attr(feature = "ssr", schema(value_type = String, format = Date))]
    pub date: NaiveDate,
    /// Why, as people read it ("Crisis freeze"): 1 to 100 characters once trimmed, none of them
    /// a control character.
    #[cfg_attr(feature = "ssr", schema(value_type = crate::domain::wire_schema::LabelText))]
    pub name: String,
    /// The channels it closes; empty closes every channel.
    #[serde(default)]
    pub channels: BTreeSet<Channel>,
    /// The teams it closes (each must exist); empty closes every team.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<i64>))]
    pub teams: BTreeSet<TeamId>,
}

impl Blackout {
    /// Whether it closes `date` to this channel and team.
    pub fn closes(&self, date: NaiveDate, channel: Channel, team: TeamId) -> bool {
        self.date == date
            && (self.channels.is_empty() || self.channels.contains(&channel))
            && (self.teams.is_empty() || self.teams.contains(&team))
    }

    /// Whether it closes `date` to anything a team in `team` (any team when `None`) sends.
    pub fn touches_day(&self, date: NaiveDate, team: Option<TeamId>) -> bool {
        self.date == date && team.is_none_or(|t| self.teams.is_empty() || self.teams.contains(&t))
    }
}

/// Every blackout date of the company, by date (the `blackouts` entry of the rules).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Blackouts {
    /// The closed days.
    pub days: Vec<Blackout>,
}

/// Why a blackout date was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BlackoutError {
    /// No name.
    #[error("Give the day a name, such as \"Crisis freeze\".")]
    NoName,
    /// A name too long to show.
    #[error("The name is too long: at most {LONGEST_NAME} characters.")]
    LongName,
    /// A name with a tab, a line break or another control character.
    #[error("The name cannot contain tabs, line breaks or other control characters.")]
    ControlInName,
    /// A date outside the years Concord plans in.
    #[error("{0} is out of range: a blackout date falls between the years {first} and {last}.",
        first = dates::YEARS.start(), last = dates::YEARS.end())]
    OutOfRange(NaiveDate),
    /// Too many dates.
    #[error("At most {MOST} blackout dates can be kept; remove past ones first.")]
    TooMany,
}

impl Blackouts {
    /// The first blackout closing `date` to this channel and team.
    pub fn closing(&self, date: NaiveDate, channel: Channel, team: TeamId) -> Option<&Blackout> {
        self.days.iter().find(|b| b.closes(date, channel, team))
    }

    /// Adds one, keeping the list in date order; refuses an unnamed one or one too many.
    pub fn add(&mut self, blackout: Blackout) -> Result<(), BlackoutError> {
        check_new(&blackout)?;
        if self.days.len() >= MOST {
            return Err(BlackoutError::TooMany);
        }
        let at = self.days.partition_point(|b| b <= &blackout);
        self.days.insert(at, blackout);
        Ok(())
    }

    /// Removes the one equal to `blackout`; answers whether there was one.
    pub fn remove(&mut self, blackout: &Blackout) -> bool {
        let before = self.days.len();
        self.days.retain(|b| b != blackout);
        before != self.days.len()
    }

    /// Checks what every kept set holds, a stored one included (a rule set read or sent
    /// whole): at most [`MOST`] dates, each named and not too long. A day kept before the
    /// stricter checks of [`check_new`](Self::check_new) still reads, so that it can be
    /// removed.
    pub fn validate(&self) -> Result<(), BlackoutError> {
        if self.days.len() > MOST {
            return Err(BlackoutError::TooMany);
        }
        self.days.iter().try_for_each(check_kept)
    }

    /// Checks each day not in `before` as [`add`](Self::add) does: no control character in
    /// its name, a year Concord plans in.
    pub fn check_new(&self, before: &Blackouts) -> Result<(), BlackoutError> {
        self.days
            .iter()
            .filter(|day| !before.days.contains(day))
            .try_for_each(check_new)
    }
}

fn check_kept(blackout: &Blackout) -> Result<(), BlackoutError> {
    match check_label(&blackout.name) {
        Err(LabelFault::Blank) => Err(BlackoutError::NoName),
        Err(LabelFault::TooLong) => Err(BlackoutError::LongName),
        Err(LabelFault::Control) | Ok(_) => Ok(()),
    }
}

fn check_new(blackout: &Blackout) -> Result<(), BlackoutError> {
    check_label(&blackout.name).map_err(|fault| match fault {
        LabelFault::Blank => BlackoutError::NoName,
        LabelFault::TooLong => BlackoutError::LongName,
        LabelFault::Control => BlackoutError::ControlInName,
    })?;
    dates::plausible_date("date", blackout.date)
        .map_err(|_| BlackoutError::OutOfRange(blackout.date))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn blackout(d: u32, channels: &[Channel], teams: &[i64]) -> Blackout {
        Blackout {
            date: day(d),
            name: "Freeze".into(),
            channels: channels.iter().copied().collect(),
            teams: teams.iter().map(|t| TeamId(*t)).collect(),
        }
    }

    #[test]
    fn an_empty_set_closes_everything_and_a_set_only_what_it_names() {
        let all = blackout(24, &[], &[]);
        assert!(all.closes(day(24), Channel::Mail, TeamId(9)));
        assert!(!all.closes(day(25), Channel::Mail, TeamId(9)));
        let some = blackout(24, &[Channel::Phone], &[2]);
        assert!(some.closes(day(24), Channel::Phone, TeamId(2)));
        assert!(!some.closes(day(24), Channel::Email, TeamId(2)));
        assert!(!some.closes(day(24), Channel::Phone, TeamId(3)));
        assert!(some.touches_day(day(24), None));
        assert!(!some.touches_day(day(24), Some(TeamId(3))));
    }

    #[test]
    fn dates_stay_in_order_and_a_bad_one_is_refused() {
        let mut list = Blackouts::default();
        list.add(blackout(24, &[], &[])).unwrap();
        list.add(blackout(8, &[], &[])).unwrap();
        assert_eq!(list.days[0].date, day(8));
        let mut unnamed = blackout(9, &[], &[]);
        unnamed.name = "  ".into();
        assert_eq!(list.add(unnamed), Err(BlackoutError::NoName));
        let mut two_lines = blackout(9, &[], &[]);
        two_lines.name = "Crisis\nfreeze".into();
        assert_eq!(list.add(two_lines), Err(BlackoutError::ControlInName));
        let mut far = blackout(9, &[], &[]);
        far.date = NaiveDate::from_ymd_opt(4786, 1, 1).unwrap();
        assert_eq!(
            list.add(far.clone()),
            Err(BlackoutError::OutOfRange(far.date))
        );
        // A day kept before these checks still reads; a new one sent whole is refused.
        let kept = Blackouts {
            days: vec![far.clone()],
        };
        assert_eq!(kept.validate(), Ok(()));
        assert_eq!(kept.check_new(&kept), Ok(()));
        assert_eq!(
            kept.check_new(&Blackouts::default()),
            Err(BlackoutError::OutOfRange(far.date))
        );
        assert!(list.remove(&blackout(24, &[], &[])));
        assert!(!list.remove(&blackout(24, &[], &[])));
        assert_eq!(list.days.len(), 1);
        assert_eq!(
            list.closing(day(8), Channel::Sms, TeamId(1))
                .map(|b| b.date),
            Some(day(8))
        );
    }
}
