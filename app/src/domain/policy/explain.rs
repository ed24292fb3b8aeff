//! Plain-language pieces of explanations: local times, durations, ordinals and touch labels
//! ("Inside sales email Tue 09:00"). Formatting happens only once a conflict exists.

use super::context::Ctx;
use super::item::Item;
use crate::domain::ids::TouchId;
use crate::domain::timezone::TimeZone;
use chrono::{DateTime, Datelike, NaiveDateTime, NaiveTime, Timelike, Utc};
use std::fmt::Write;

const DAY: i64 = 86_400_000;

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Appends the last two digits of `n`, zero-padded (`09`).
fn push_two(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Appends `09:05`.
pub(crate) fn push_time(out: &mut String, time: NaiveTime) {
    push_two(out, time.hour());
    out.push(':');
    push_two(out, time.minute());
}

/// Appends ` in the contact's time zone (Europe/Paris)`.
pub(crate) fn push_in_zone(out: &mut String, zone: TimeZone) {
    out.push_str(" in the contact's time zone (");
    out.push_str(zone.name());
    out.push(')');
}

/// Appends `Tue` or, with the date, `Tue 14 Jan` (written by hand: strftime parsing and the
/// formatting machinery are slow next to the rules themselves).
pub(crate) fn push_day(out: &mut String, local: NaiveDateTime, with_date: bool) {
    out.push_str(WEEKDAYS[local.weekday().num_days_from_monday() as usize]);
    if with_date {
        out.push(' ');
        let day = local.day();
        if day >= 10 {
            push_two(out, day);
        } else {
            out.push(char::from(b'0' + day as u8));
        }
        out.push(' ');
        out.push_str(MONTHS[local.month0() as usize]);
    }
}

/// Appends ` 09:00`: a space, then the hour and minute.
pub(crate) fn push_clock(out: &mut String, local: NaiveDateTime) {
    out.push(' ');
    push_time(out, local.time());
}

/// `Tue 09:00` or, with the date, `Tue 14 Jan 09:00`.
pub(crate) fn clock_text(local: NaiveDateTime, with_date: bool) -> String {
    let mut text = String::with_capacity(16);
    push_day(&mut text, local, with_date);
    push_clock(&mut text, local);
    text
}

/// An instant as a viewer reads it in a zone: `Tue 14 Jan 09:00`. Pages call this with the
/// viewer's zone; explanations use the contact's.
pub fn format_instant(at: DateTime<Utc>, zone: TimeZone) -> String {
    clock_text(zone.local(at), true)
}

/// Milliseconds back to an instant (the engine's times always come from instants).
pub(crate) fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// Whether an instant is far enough from the reference that its date should be shown.
fn far(ms: i64, reference: i64) -> bool {
    (ms - reference).abs() >= 6 * DAY
}

/// Appends `Tue 09:00` near the reference instant (within 6 days), else `Tue 14 Jan 09:00`.
fn push_when(out: &mut String, ms: i64, reference: i64, zone: TimeZone) {
    let local = zone.local(instant(ms));
    push_day(out, local, far(ms, reference));
    push_clock(out, local);
}

/// `Tue 09:00` near the reference instant (within 6 days), else `Tue 14 Jan 09:00`.
pub(crate) fn when(ms: i64, reference: i64, zone: TimeZone) -> String {
    let mut text = String::with_capacity(16);
    push_when(&mut text, ms, reference, zone);
    text
}

/// A duration as people say it: `24 h`, `7 d`, `2 h 10 min`, `34 min` (written straight into
/// the explanation being built).
pub(crate) fn span(ms: i64) -> Span {
    Span(ms)
}

/// A duration in milliseconds, displayed as [`span`] says.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span(i64);

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let minutes = self.0.abs() / 60_000;
        let (days, hours, mins) = (minutes / 1440, minutes / 60, minutes % 60);
        if minutes % 1440 == 0 && days >= 4 {
            write!(f, "{days} d")
        } else if hours == 0 {
            write!(f, "{mins} min")
        } else if mins == 0 {
            write!(f, "{hours} h")
        } else {
            write!(f, "{hours} h {mins} min")
        }
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`.
pub(crate) fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Appends `Inside sales email Tue 09:00` or `Corporate marketing mail in home Thu–Sat`; a
/// proposed touch is marked `(proposed)`.
fn push_label(out: &mut String, cx: &Ctx, item: &Item) {
    match cx.ledger.names.team_name(item.team) {
        Some(name) => out.push_str(name),
        None => {
            let _ = write!(out, "team {}", item.team);
        }
    }
    let reference = cx.it().at;
    let zone = cx.display;
    let mut clocks = cx.clocks.borrow_mut();
    if item.is_mail() {
        let first = clocks.wall(zone, item.lo);
        let last = clocks.wall(zone, item.hi - 1);
        out.push_str(" mail in home ");
        push_day(out, first, far(item.lo, reference));
        if first.date() != last.date() {
            out.push('–');
            push_day(out, last, far(item.hi - 1, reference));
        }
    } else {
        out.push(' ');
        out.push_str(item.channel.noun());
        out.push(' ');
        let local = clocks.wall(zone, item.at);
        push_day(out, local, far(item.at, reference));
        push_clock(out, local);
    }
    if item.proposed.is_some() {
        out.push_str(" (proposed)");
    }
}

/// A touch's label on its own.
pub(crate) fn label(cx: &Ctx, item: &Item) -> String {
    let mut text = String::with_capacity(48);
    push_label(&mut text, cx, item);
    text
}

/// Appends the items, in time order, as a comma-separated list of labels; returns their ids.
pub(crate) fn push_listing<'a>(
    out: &mut String,
    cx: &Ctx,
    items: impl Iterator<Item = &'a Item>,
) -> Vec<TouchId> {
    let mut items: Vec<&Item> = items.collect();
    items.sort_by_key(|item| item.sort_key());
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        push_label(out, cx, item);
    }
    items.iter().filter_map(|item| item.id).collect()
}

/// A message made of a prefix and the listing of the items; returns it with their ids.
pub(crate) fn listing<'a>(
    cx: &Ctx,
    prefix: std::fmt::Arguments<'_>,
    items: impl Iterator<Item = &'a Item>,
) -> (String, Vec<TouchId>) {
    let mut text = String::with_capacity(128);
    let _ = text.write_fmt(prefix);
    let ids = push_listing(&mut text, cx, items);
    (text, ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(24 * 3_600_000, "24 h")]
    #[case(72 * 3_600_000, "72 h")]
    #[case(7 * DAY, "7 d")]
    #[case(130 * 60_000, "2 h 10 min")]
    #[case(34 * 60_000, "34 min")]
    fn durations_read_naturally(#[case] ms: i64, #[case] text: &str) {
        assert_eq!(span(ms).to_string(), text);
    }

    #[rstest]
    #[case(1, "1st")]
    #[case(2, "2nd")]
    #[case(3, "3rd")]
    #[case(4, "4th")]
    #[case(11, "11th")]
    #[case(12, "12th")]
    #[case(22, "22nd")]
    fn ordinals(#[case] n: u32, #[case] text: &str) {
        assert_eq!(ordinal(n), text);
    }

    #[test]
    fn instants_read_in_the_given_zone() {
        let at: DateTime<Utc> = "2025-01-14T14:00:00Z".parse().unwrap();
        let ny = TimeZone::parse("America/New_York").unwrap();
        let kolkata = TimeZone::parse("Asia/Kolkata").unwrap();
        assert_eq!(format_instant(at, ny), "Tue 14 Jan 09:00");
        assert_eq!(format_instant(at, kolkata), "Tue 14 Jan 19:30");
        let early: DateTime<Utc> = "2025-03-04T05:07:00Z".parse().unwrap();
        assert_eq!(format_instant(early, ny), "Tue 4 Mar 00:07");
        assert_eq!(format_instant(early, kolkata), "Tue 4 Mar 10:37");
    }
}
