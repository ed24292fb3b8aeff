//! `holiday`: no solicitation calls on the public holidays of the contact's place where the law
//! says so (France, Alabama, Louisiana, Mississippi), including the day a weekend holiday is
//! observed on. Read on the contact's local date.

use super::compiled::On;
use super::context::Ctx;
use super::explain::{clock_text, instant};
use super::legal::{covering, holiday_place, solicitations};
use super::sink::{Explanation, Retry, Sink};
use crate::domain::compliance::holidays::holiday_on;
use crate::domain::compliance::packs::LegalKind;
use crate::domain::conflict::RuleId;
use chrono::Days;

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
    let local = zone.local(instant(me.at));
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
