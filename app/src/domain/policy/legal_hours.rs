//! `legal_hours`: solicitation calls and texts only inside the hours and on the days the law of
//! the contact's place allows, read in the contact's own zone (so across DST changes too).
//! When several laws apply (federal and state, address and area code) each is checked and
//! the first that forbids the time, the most specific, explains it.

use super::compiled::On;
use super::context::Ctx;
use super::explain::{format_instant, instant, push_clock, push_day, push_in_zone};
use super::legal::{covering, solicitations};
use super::sink::{Explanation, Retry, Sink};
use crate::domain::compliance::packs::{describe, LegalKind, LegalRule, Week};
use crate::domain::conflict::RuleId;
use crate::domain::timezone::TimeZone;
use chrono::{Datelike, Days, NaiveTime, Timelike};
use std::fmt::Write;

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn time(minutes: u16) -> NaiveTime {
    NaiveTime::from_hms_opt(u32::from(minutes / 60), u32::from(minutes % 60), 0)
        .unwrap_or(NaiveTime::MIN)
}

/// The first opening of an allowed window strictly after `after` (ms).
fn next_opening(after: i64, zone: TimeZone, week: &Week) -> i64 {
    let today = zone.local(instant(after)).date();
    (0..=8u64)
        .filter_map(|k| today.checked_add_days(Days::new(k)))
        .flat_map(|day| {
            let windows = week[day.weekday().num_days_from_monday() as usize];
            windows
                .iter()
                .map(move |(start, _)| zone.instant(day, time(*start)).timestamp_millis())
        })
        .find(|opening| *opening > after)
        .unwrap_or(after + 86_400_000)
}

/// The legal-hours rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    let me = cx.it();
    let mut rules = covering(cx)
        .filter(|rule| matches!(rule.kind, LegalKind::Hours(_)))
        .peekable();
    if me.is_mail() || rules.peek().is_none() {
        return;
    }
    let zone = cx.zone();
    let local = cx.local();
    let day = local.weekday().num_days_from_monday() as usize;
    let minute = (local.hour() * 60 + local.minute()) as u16;
    let forbidding = rules.find_map(|rule: &LegalRule| match &rule.kind {
        LegalKind::Hours(week) => {
            let open = week[day].iter().any(|(s, e)| *s <= minute && minute < *e);
            (!open).then_some((rule, week))
        }
        _ => None,
    });
    let Some((rule, week)) = forbidding else {
        return;
    };
    let retry = if sink.wants_retry() {
        Retry::At(next_opening(me.at, zone, week))
    } else {
        Retry::Never
    };
    sink.hit(RuleId::LegalHours, on.severity, retry, || {
        let what = solicitations(me.channel);
        let windows = week[day];
        let weekday = WEEKDAYS[day];
        let (law, source) = (rule.law, rule.source);
        let mut message = String::with_capacity(192);
        if windows.is_empty() {
            let _ = write!(
                message,
                "{law} allows no {what} on {weekday} ({source}); this one is on "
            );
        } else {
            let _ = write!(
                message,
                "{law} allows {what} on {weekday} only {} ({source}); this one is at ",
                describe::Windows(windows)
            );
        }
        push_day(&mut message, local, true);
        push_clock(&mut message, local);
        push_in_zone(&mut message, zone);
        if cx.display != zone {
            let yours = format_instant(instant(me.at), cx.display);
            let _ = write!(message, " ({yours} {})", cx.display);
        }
        Explanation {
            message,
            touch_ids: Vec::new(),
        }
    });
}
