//! `quiet_hours`: phone and SMS only inside the contact's local window, and not on the listed
//! days. Read in the contact's own zone, so 09:00 stays 09:00 across DST changes. Mail and
//! email are never affected.

use super::compiled::{On, QuietMs};
use super::context::Ctx;
use super::explain::{format_instant, instant, push_clock, push_day, push_in_zone};
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;
use crate::domain::timezone::TimeZone;
use crate::domain::vocabulary::Channel;
use chrono::{Datelike, Days};
use std::fmt::Write;

/// The first opening of the window strictly after `after` (ms) on a day the channel is used.
fn next_opening(after: i64, zone: TimeZone, q: &QuietMs, channel: Channel) -> i64 {
    let today = zone.local(instant(after)).date();
    (0..=8u64)
        .filter_map(|k| today.checked_add_days(Days::new(k)))
        .filter(|day| !q.closed_on(channel, day.weekday()))
        .map(|day| zone.instant(day, q.start).timestamp_millis())
        .find(|opening| *opening > after)
        .unwrap_or(after + 86_400_000)
}

/// The quiet-hours rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<QuietMs>, sink: &mut S) {
    let me = cx.it();
    let q = &on.p;
    if me.is_mail() || !q.applies(me.channel) {
        return;
    }
    let zone = cx.zone();
    let local = cx.local();
    let closed = q.closed_on(me.channel, local.weekday());
    let outside = local.time() < q.start || local.time() >= q.end;
    if !closed && !outside {
        return;
    }
    let retry = if sink.wants_retry() {
        Retry::At(next_opening(me.at, zone, q, me.channel))
    } else {
        Retry::Never
    };
    sink.hit(RuleId::QuietHours, on.severity, retry, || {
        let noun = me.channel.noun();
        let mut message = String::with_capacity(128);
        let mut first = noun.chars();
        message.extend(first.next().map(|c| c.to_ascii_uppercase()));
        message.push_str(first.as_str());
        message.push_str(if closed { " on " } else { " at " });
        push_day(&mut message, local, false);
        push_clock(&mut message, local);
        push_in_zone(&mut message, zone);
        if closed {
            let _ = write!(message, "; no {noun}s on {}", local.weekday());
        } else {
            message.push_str(", outside ");
            q.push_hours(&mut message);
        }
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
