//! What the calendar shows, as it crosses the wire: the filter, one touch as a calendar entry,
//! one day with its total and its first few touches, and the choices the filter form offers.

use crate::domain::ids::{CampaignId, ContactId, TeamId, TouchId, UserId};
use crate::domain::{Channel, Purpose, TimeZone, TouchStatus};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Which touches the calendar shows; every field narrows, `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarFilter {
    /// Only this team's touches.
    pub team: Option<TeamId>,
    /// Only this channel.
    pub channel: Option<Channel>,
    /// Only touches to contacts this user owns (an open claim).
    pub owner: Option<UserId>,
    /// Only this purpose.
    pub purpose: Option<Purpose>,
    /// Only this campaign's touches.
    pub campaign: Option<CampaignId>,
    /// Only this status.
    pub status: Option<TouchStatus>,
}

/// One touch as a calendar entry: enough to show and move it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarTouch {
    /// Which touch.
    pub id: TouchId,
    /// The contact it reaches.
    pub contact_id: ContactId,
    /// The contact's name.
    pub contact_name: String,
    /// How.
    pub channel: Channel,
    /// Why.
    pub purpose: Purpose,
    /// Where it stands.
    pub status: TouchStatus,
    /// The sending team's name.
    pub team: String,
    /// When it goes out.
    pub scheduled_at: DateTime<Utc>,
    /// Its title.
    pub title: String,
    /// The version to send back when moving it.
    pub version: i64,
    /// How many conflicts were stored at its last check.
    pub conflicts: usize,
}

/// A campaign's matching touches on one day, shown as one calendar item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarCampaign {
    /// Which campaign.
    pub id: CampaignId,
    /// Its title.
    pub title: String,
    /// How it reaches them.
    pub channel: Channel,
    /// How many of its matching touches fall on the day: one per recipient.
    pub recipients: i64,
    /// How many of those are cancelled.
    pub cancelled: i64,
}

/// "1 recipient", "233 recipients".
pub fn recipients(n: i64) -> String {
    if n == 1 {
        "1 recipient".to_owned()
    } else {
        format!("{n} recipients")
    }
}

impl CalendarCampaign {
    /// "233 recipients", "233 recipients, 2 cancelled", "3 recipients, all cancelled".
    pub fn recipients_text(&self) -> String {
        let (n, people) = (self.recipients, recipients(self.recipients));
        match self.cancelled {
            0 => people,
            c if c == n => format!("{people}, all cancelled"),
            c => format!("{people}, {c} cancelled"),
        }
    }
}

/// One local day of the calendar: how many touches match, its campaigns as one item each, and
/// the first few of the touches it lists one by one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// The viewer's local date.
    pub date: NaiveDate,
    /// Every matching touch that day.
    pub total: i64,
    /// The day's campaigns, each with its count (none when the day lists every touch).
    pub campaigns: Vec<CalendarCampaign>,
    /// How many touches the day lists one by one: those outside any campaign, or all.
    pub listed: i64,
    /// The first listed touches by time (a page of them in the day view).
    pub touches: Vec<CalendarTouch>,
}

impl CalendarDay {
    /// How many listed touches are not shown.
    pub fn more(&self) -> i64 {
        (self.listed - self.touches.len() as i64).max(0)
    }
}

/// A named choice for a filter field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The id sent in the URL.
    pub id: i64,
    /// What the viewer reads.
    pub name: String,
}

/// What the filter form offers besides the fixed vocabularies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoices {
    /// Every team.
    pub teams: Vec<Choice>,
    /// Users who may own contacts.
    pub owners: Vec<Choice>,
    /// Campaigns sent around the shown range.
    pub campaigns: Vec<Choice>,
}

/// Everything one calendar page needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarData {
    /// The zone the days and times are in (the viewer's).
    pub zone: TimeZone,
    /// The viewer's today.
    pub today: NaiveDate,
    /// The days shown, in order.
    pub days: Vec<CalendarDay>,
    /// The filter form's choices.
    pub choices: FilterChoices,
    /// Public holidays and blackout dates among the days shown.
    pub marks: Vec<super::day_marks::DayMark>,
}
