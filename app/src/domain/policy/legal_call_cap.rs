//! `legal_call_cap`: at most N solicitation calls (or texts, where the law counts them) in any
//! rolling window, counting every team of the company together — Florida's 3 in 24 h, France's 4
//! in 30 days.

use super::compiled::On;
use super::context::Ctx;
use super::explain::{listing, ordinal, span};
use super::item::Item;
use super::legal::{covering, solicitations};
use super::sink::{Explanation, Retry, Sink};
use super::window::busiest;
use crate::domain::compliance::packs::{solicits, LegalKind, LegalRule};
use crate::domain::conflict::RuleId;

/// The legal call cap rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    for rule in covering(cx) {
        let LegalKind::Cap { limit, hours } = rule.kind else {
            continue;
        };
        if one(cx, on, rule, limit, i64::from(hours) * 3_600_000, sink) {
            return;
        }
    }
}

/// Checks one cap; whether it fired.
fn one<S: Sink>(
    cx: &Ctx,
    on: &On<()>,
    rule: &LegalRule,
    limit: u32,
    window: i64,
    sink: &mut S,
) -> bool {
    let me = cx.it();
    let counted = |o: &&Item| rule.covers(o.channel) && solicits(o.purpose);
    let near = |o: &&Item| o.at > me.at - window && o.at < me.at + window;
    if cx.others().filter(counted).filter(near).count() < limit as usize {
        return false;
    }
    let found = busiest(
        me.at,
        window,
        limit,
        cx.others().filter(counted).map(|o| o.at),
    );
    if found.count < limit {
        return false;
    }
    let retry = Retry::At(found.last_bad_start.unwrap_or(me.at) + window);
    sink.hit(RuleId::LegalCallCap, on.severity, retry, || {
        let inside = cx
            .others()
            .filter(counted)
            .filter(|o| o.at >= found.start && o.at < found.start + window);
        let nth = ordinal(found.count + 1);
        let what = solicitations(me.channel);
        let prefix = format_args!(
            "{} allows at most {limit} {what} in {} ({}); this would be the {nth}: ",
            rule.law,
            span(window),
            rule.source
        );
        let (message, touch_ids) = listing(cx, prefix, inside);
        Explanation { message, touch_ids }
    });
    true
}
