//! `channel_mix`: at most N distinct channels per contact in any rolling window. Mail is
//! present on every day of its in-home window; transactional touches are ignored.

use super::compiled::{CapMs, On};
use super::context::Ctx;
use super::explain::{listing, span};
use super::item::Item;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;

/// The channel-mix rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<CapMs>, sink: &mut S) {
    let me = cx.it();
    if me.exempt() {
        return;
    }
    let CapMs { limit, window } = on.p;
    let others = cx.others().filter(|o| !o.exempt());
    let reachable = others
        .clone()
        .filter(|o| o.lo < me.hi + window && o.hi > me.lo - window)
        .fold(1u8 << me.channel.index(), |m, o| m | 1 << o.channel.index());
    if reachable.count_ones() <= limit {
        return;
    }
    let in_window = move |s: i64| move |o: &&Item| o.lo < s + window && o.hi > s;
    let mut best: Option<(u32, i64)> = None;
    let mut last_bad: Option<i64> = None;
    let starts = others
        .clone()
        .chain(std::iter::once(me))
        .map(|x| x.hi - 1)
        .filter(|s| *s > me.lo - window && *s < me.hi);
    for s in starts {
        let mask = others
            .clone()
            .filter(in_window(s))
            .fold(1u8 << me.channel.index(), |m, o| m | 1 << o.channel.index());
        let n = mask.count_ones();
        if best.is_none_or(|(count, start)| n > count || (n == count && s < start)) {
            best = Some((n, s));
        }
        if n > limit {
            last_bad = Some(last_bad.map_or(s, |b| b.max(s)));
        }
    }
    let (Some((count, start)), Some(bad)) = (best, last_bad) else {
        return;
    };
    sink.hit(
        RuleId::ChannelMix,
        on.severity,
        Retry::At(bad + window),
        || {
            let noun = me.channel.noun();
            let prefix = format_args!(
                "{count} channels in {}, limit {limit}: this {noun} and ",
                span(window)
            );
            let (message, touch_ids) = listing(cx, prefix, others.clone().filter(in_window(start)));
            Explanation { message, touch_ids }
        },
    );
}
