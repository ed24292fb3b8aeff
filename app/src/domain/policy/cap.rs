//! `daily_cap` and `weekly_cap` (and the promo cap of `customer_promo`): at most N touches in
//! any rolling window, all teams and channels together; mail counts once, on its first in-home
//! day; transactional touches neither trip nor count.

use super::compiled::{CapMs, On};
use super::context::Ctx;
use super::explain::{listing, ordinal, span};
use super::item::Item;
use super::sink::{Explanation, Retry, Sink};
use super::window::busiest;
use crate::domain::conflict::RuleId;

/// The touch cap rules.
pub(crate) fn check<S: Sink>(cx: &Ctx, rule: RuleId, on: &On<CapMs>, sink: &mut S) {
    capped(cx, rule, on, |_| true, "touch", sink);
}

/// A cap over the non-exempt touches that pass `counts`; `what` names them in the message.
pub(crate) fn capped<S, F>(
    cx: &Ctx,
    rule: RuleId,
    on: &On<CapMs>,
    counts: F,
    what: &str,
    sink: &mut S,
) where
    S: Sink,
    F: Fn(&Item) -> bool + Copy,
{
    let me = cx.it();
    if me.exempt() || !counts(me) {
        return;
    }
    let CapMs { limit, window } = on.p;
    let counted = move |o: &&Item| !o.exempt() && counts(o);
    let near = |o: &&Item| o.at > me.at - window && o.at < me.at + window;
    if cx.others().filter(counted).filter(near).count() < limit as usize {
        return;
    }
    let found = busiest(
        me.at,
        window,
        limit,
        cx.others().filter(counted).map(|o| o.at),
    );
    if found.count < limit {
        return;
    }
    let retry = Retry::At(found.last_bad_start.unwrap_or(me.at) + window);
    sink.hit(rule, on.severity, retry, || {
        let inside = cx
            .others()
            .filter(counted)
            .filter(|o| o.at >= found.start && o.at < found.start + window);
        let nth = ordinal(found.count + 1);
        let prefix = format_args!("{nth} {what} in {}, limit {limit}: ", span(window));
        let (message, touch_ids) = listing(cx, prefix, inside);
        Explanation { message, touch_ids }
    });
}
