//! One synthetic contact's history and plans: touches at business hours across channels,
//! purposes, teams and campaigns; inbound interactions; maybe an owner.

use super::company::{Campaign, Company, Sender};
use super::people::Person;
use super::rng::Rng;
use app::domain::Stage;
use chrono::{Duration, NaiveDate, NaiveTime};

/// A touch row.
#[derive(Clone, Copy, Debug)]
pub struct SynthTouch {
    pub contact: i64,
    pub channel: &'static str,
    pub purpose: &'static str,
    pub sender: Sender,
    pub campaign: Option<i64>,
    pub at: i64,
    pub title: &'static str,
    pub automated: bool,
    pub personalized: bool,
    pub status: &'static str,
}

/// An interaction row: (contact, kind, channel, at).
pub type SynthInteraction = (i64, &'static str, &'static str, i64);

/// An open claim row: (contact, user, claimed_at, expires_at).
pub type SynthClaim = (i64, i64, i64, i64);

const DAY: i64 = 86_400;

/// Where the company stands with one contact.
pub struct Plan<'a> {
    pub company: &'a Company,
    pub campaigns: &'a [Campaign],
    pub reference: NaiveDate,
}

impl Plan<'_> {
    /// `count` touches for the contact, in time order.
    pub fn touches(&self, rng: &mut Rng, id: i64, person: &Person, count: u64) -> Vec<SynthTouch> {
        let now = self
            .reference
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp();
        let mut out: Vec<SynthTouch> = (0..count)
            .map(|_| {
                let (mut touch, day) = if rng.percent(60) {
                    let c = *rng.pick(self.campaigns);
                    let mut touch = self.touch(id, c.channel, c.purpose, c.sender, c.title);
                    touch.campaign = Some(c.id);
                    touch.automated = c.automated;
                    (touch, c.day)
                } else {
                    (
                        self.one_to_one(rng, id, person.stage),
                        rng.below(121) as i64 - 60,
                    )
                };
                touch.personalized = !rng.percent(3);
                let late = touch.channel != "mail" && rng.percent(2);
                let hour = if late { 20 } else { 9 + rng.below(8) as u32 };
                let time = NaiveTime::from_hms_opt(hour, 5 * rng.below(12) as u32, 0)
                    .unwrap_or(NaiveTime::MIN);
                let date = self.reference + Duration::days(day);
                touch.at = person.zone.instant(date, time).timestamp();
                touch.status = status(rng, touch.at < now);
                touch
            })
            .collect();
        out.sort_by_key(|t| t.at);
        out
    }

    fn touch(
        &self,
        id: i64,
        channel: &'static str,
        purpose: &'static str,
        sender: Sender,
        title: &'static str,
    ) -> SynthTouch {
        SynthTouch {
            contact: id,
            channel,
            purpose,
            sender,
            campaign: None,
            at: 0,
            title,
            automated: false,
            personalized: true,
            status: "planned",
        }
    }

    fn one_to_one(&self, rng: &mut Rng, id: i64, stage: Stage) -> SynthTouch {
        let c = self.company;
        match stage {
            Stage::Customer => {
                let channel = if rng.percent(70) { "email" } else { "phone" };
                let purpose = if rng.percent(50) {
                    "service"
                } else {
                    "relationship"
                };
                self.touch(id, channel, purpose, c.success, "Check-in")
            }
            Stage::Former => self.touch(id, "email", "newsletter", c.corporate, "We miss you"),
            _ => {
                let channel = *rng.weighted(&[(60, "email"), (35, "phone"), (5, "sms")]);
                let sender = if rng.percent(10) { c.manager } else { c.sales };
                self.touch(id, channel, "sales_followup", sender, "Follow-up")
            }
        }
    }

    /// What the contact did: downloads and forms from leads, replies in a sale, purchases.
    pub fn interactions(&self, rng: &mut Rng, id: i64, stage: Stage) -> Vec<SynthInteraction> {
        let start = self
            .reference
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp()
            - 60 * DAY;
        let at = |rng: &mut Rng| start + rng.below(60 * DAY as u64) as i64;
        let mut out = Vec::new();
        let (kind, chance) = match stage {
            Stage::Prospect => ("download", 10),
            Stage::Lead => ("form", 50),
            Stage::Opportunity => ("reply", 60),
            Stage::Customer => ("purchase", 30),
            Stage::Former => ("unsubscribe", 20),
        };
        if rng.percent(chance) {
            out.push((id, kind, "email", at(rng)));
        }
        if rng.percent(5) {
            out.push((id, "call_in", "phone", at(rng)));
        }
        out
    }

    /// An open claim for some leads, opportunities and customers (a few of them lapsing).
    pub fn claim(&self, rng: &mut Rng, id: i64, stage: Stage) -> Option<SynthClaim> {
        let owner = match stage {
            Stage::Lead | Stage::Opportunity if rng.percent(35) => self.company.sales.author,
            Stage::Customer if rng.percent(20) => self.company.success.author,
            _ => return None,
        };
        let now = self
            .reference
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp();
        let claimed = now - rng.below(20 * DAY as u64) as i64;
        Some((id, owner, claimed, claimed + 14 * DAY))
    }
}

fn status(rng: &mut Rng, past: bool) -> &'static str {
    let roll = rng.below(100);
    match (past, roll) {
        (true, 0..=1) => "failed",
        (true, 2..=3) => "cancelled",
        (true, _) => "sent",
        (false, 0..=4) => "pending_review",
        (false, 5..=7) => "draft",
        (false, _) => "planned",
    }
}
