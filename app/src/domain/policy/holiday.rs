//! `holiday`: no solicitation calls on the public holidays of the contact's place where the law
//! says so (France, Alabama, Louisiana, Mississippi), including the day a weekend holiday is
//! observed on; and no touch but a transactional one on the company's blackout dates for its
//! channel and team. Both read on the contact's local date.

use super::compiled::On;
use super::context::Ctx;
use super::explain::clock_text;
use super::legal::{covering, holiday_place, solicitations};
use super::sink::{Explanation, Retry, Sink};
use crate::domain::compliance::holidays::holiday_on;
use crate::domain::compliance::packs::LegalKind;
use crate::domain::conflict::RuleId;
use crate::domain::vocabulary::Channel;
use chrono::Days;

/// The company's blackout dates: a touch (not transactional) on a day closed to its channel
/// and team, on the contact's calendar (mail on its drop date).
pub(crate) fn blackout<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    let days = &cx.rules.blackouts;
    let me = cx.it();
    if days.days.is_empty() || me.exempt() {
        return;
    }
    let zone = cx.zone();
    let local = cx.local();
    let date = if me.is_mail() {
        let drop = Days::new(u64::from(cx.rules.mail_min_days));
        local.date().checked_sub_days(drop).unwrap_or(local.date())
    } else {
        local.date()
    };
    let Some(closed) = days.closing(date, me.channel, me.team) else {
        return;
    };
    let next_day = date
        .checked_add_days(Days::new(1))
        .map(|day| zone.start_of_day(day).timestamp_millis())
        .unwrap_or(me.at + 86_400_000);
    sink.hit(RuleId::Holiday, on.severity, Retry::At(next_day), || {
        let day = date.format("%a %-d %b");
        let what = if closed.channels.is_empty() {
            "outreach".to_owned()
        } else {
            let names: Vec<&str> = closed.channels.iter().map(|c| plural(*c)).collect();
            names.join(", ")
        };
        let whom = if closed.teams.is_empty() {
            "every team"
        } else {
            "this team"
        };
        Explanation {
            message: format!(
                "{day} is a company blackout date ({}): no {what} from {whom} that day, on the contact's calendar ({zone})",
                closed.name.trim()
            ),
            touch_ids: Vec::new(),
        }
    });
}

/// The holiday rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    let me = cx.it();
    let mut rules = covering(cx)
        .filter(|rule| rule.kind == LegalKind::Holidays)
        .peekable();
    if me.is_mail() || rules.peek().is_none() {
        return;
    }
    let zone = cx.zone();
    let local = cx.local();
    let date = local.date();
    let found = rules.find_map(|rule| {
        let (country, region) = holiday_place(rule, &cx.contact.jurisdiction);
        holiday_on(country, region, date).map(|holiday| (rule, holiday))
    });
    let Some((rule, holiday)) = found else {
        return;
    };
    let next_day = date
        .checked_add_days(Days::new(1))
        .map(|day| zone.start_of_day(day).timestamp_millis())
        .unwrap_or(me.at + 86_400_000);
    sink.hit(RuleId::Holiday, on.severity, Retry::At(next_day), || {
        let what = solicitations(me.channel);
        let day = clock_text(local, true);
        let day = day.rsplit_once(' ').map_or(day.as_str(), |(d, _)| d);
        let is = if holiday.date == date {
            format!("{day} is {}", holiday.name)
        } else {
            format!("{day} is the day {} is observed", holiday.name)
        };
        Explanation {
            message: format!(
                "{} allows no {what} on public holidays ({}); {is} where the contact lives ({zone})",
                rule.law, rule.source
            ),
            touch_ids: Vec::new(),
        }
    });
}

/// `emails`, `texts`, `calls`, `mail`.
fn plural(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "emails",
        Channel::Sms => "texts",
        Channel::Phone => "calls",
        Channel::Mail => "mail",
    }
}
