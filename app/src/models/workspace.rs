//! What the start page shows a signed-in person: their own touches waiting for review, what
//! was decided about theirs lately, what they planned for today, their
//! contacts that need them, and, for those who oversee, what waits for them.

use crate::domain::ids::{CampaignId, ContactId, TouchId};
use crate::domain::{Channel, TimeZone, TouchStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How many of the viewer's waiting touches and decisions are listed.
pub const LISTED: u32 = 10;

/// One of the viewer's touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyTouch {
    pub id: TouchId,
    pub contact_id: ContactId,
    pub contact_name: String,
    pub channel: Channel,
    pub title: String,
    pub scheduled_at: DateTime<Utc>,
    pub status: TouchStatus,
}

/// One of the viewer's campaigns that goes out today, as one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodayCampaign {
    pub id: CampaignId,
    pub title: String,
    pub channel: Channel,
    /// When the quarter hours its touches today fall in begin and end (the counts it is read
    /// from are kept by quarter hour).
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
    /// How many of its touches go out today.
    pub touches: u64,
}

/// What the viewer planned that goes out today: one-off touches, and campaigns as one line each.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
    pub touches: Vec<MyTouch>,
    pub campaigns: Vec<TodayCampaign>,
}

/// One line of the day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TodayLine {
    Touch(MyTouch),
    Campaign(TodayCampaign),
}

impl Today {
    /// Whether nothing goes out.
    pub fn is_empty(&self) -> bool {
        self.touches.is_empty() && self.campaigns.is_empty()
    }

    /// The touches and campaigns in time order (a campaign at its first touch; at the same
    /// minute, campaigns first).
    pub fn lines(self) -> Vec<TodayLine> {
        let mut lines: Vec<(DateTime<Utc>, u8, TodayLine)> = self
            .campaigns
            .into_iter()
            .map(|c| (c.first, 0, TodayLine::Campaign(c)))
            .chain(
                self.touches
                    .into_iter()
                    .map(|t| (t.scheduled_at, 1, TodayLine::Touch(t))),
            )
            .collect();
        lines.sort_by_key(|(at, kind, _)| (*at, *kind));
        lines.into_iter().map(|(_, _, line)| line).collect()
    }
}

/// A manager's decision on one of the viewer's touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    pub touch: MyTouch,
    /// Approved (else rejected).
    pub approved: bool,
    /// Who decided.
    pub reviewer: String,
    /// Why, in their words.
    pub reason: String,
    pub decided_at: DateTime<Utc>,
}

/// What waits for a manager or an admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Oversight {
    /// Touches waiting for review.
    pub pending: u64,
    /// Open claim requests.
    pub requests: u64,
}

/// The start page's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    /// The viewer's zone: every time on the page is in it.
    pub zone: TimeZone,
    /// Their touches waiting for a manager's review, soonest first (the first few).
    pub waiting: Vec<MyTouch>,
    /// How many of theirs wait in all.
    pub waiting_total: u64,
    /// Decisions on their touches in the last two weeks, newest first.
    pub decided: Vec<Decided>,
    /// What they planned for today (their local day).
    pub today: Today,
    /// For managers and admins: the review queue and the claim requests.
    pub oversight: Option<Oversight>,
    /// For those who claim contacts: theirs that need them.
    pub attention: Option<Attention>,
    /// For admins: how much of Concord is set up.
    pub setup: Option<crate::models::setup::Setup>,
    /// For those who oversee: the week's pressure highlights.
    pub pressure: Option<crate::models::week_pressure::WeekPressure>,
    /// For those who plan campaigns: theirs still to go out and what conflicts with them.
    pub campaigns: Option<crate::models::my_campaigns::MyCampaigns>,
}

/// The viewer's own contacts that need them, as the leads board finds them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attention {
    /// Theirs with an unanswered reply or a cadence gap (the first few).
    pub alerting: Vec<crate::models::leads::LeadRow>,
    /// How many of theirs have one, among those the leads board looks at.
    pub alerting_total: u64,
    /// Their claims that lapse within `lapsing_within_days`, soonest first (the first few).
    pub lapsing: Vec<crate::models::leads::LeadRow>,
    /// How many of their claims lapse that soon.
    pub lapsing_total: u64,
    /// How soon a claim's lapse counts as soon, in days.
    pub lapsing_within_days: i64,
    /// When it was read, for "in 2 days".
    pub now: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, hour, 0, 0).unwrap()
    }

    fn touch(id: i64, hour: u32) -> MyTouch {
        MyTouch {
            id: TouchId(id),
            contact_id: ContactId(id),
            contact_name: format!("Contact {id}"),
            channel: Channel::Email,
            title: "Hello".into(),
            scheduled_at: at(hour),
            status: TouchStatus::Planned,
        }
    }

    fn campaign(id: i64, hour: u32) -> TodayCampaign {
        TodayCampaign {
            id: CampaignId(id),
            title: "Spring catalog".into(),
            channel: Channel::Email,
            first: at(hour),
            last: at(hour + 1),
            touches: 40,
        }
    }

    #[test]
    fn the_day_reads_in_time_order_with_a_campaign_as_one_line() {
        let today = Today {
            touches: vec![touch(1, 9), touch(2, 15)],
            campaigns: vec![campaign(7, 15), campaign(8, 11)],
        };
        let order: Vec<String> = today
            .lines()
            .into_iter()
            .map(|line| match line {
                TodayLine::Touch(t) => format!("touch {}", t.id.0),
                TodayLine::Campaign(c) => format!("campaign {}", c.id.0),
            })
            .collect();
        assert_eq!(
            order,
            ["touch 1", "campaign 8", "campaign 7", "touch 2"],
            "a campaign sorts by its first touch, before a touch at the same time"
        );
    }
}
