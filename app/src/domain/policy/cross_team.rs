//! `cross_team`: touches from two or more teams within one window, so the second team sees
//! the first team's plan. Mail is present on every day of its in-home window.

use super::compiled::On;
use super::context::Ctx;
use super::explain::{listing, span};
use super::item::Item;
use super::sink::{Explanation, Retry, Sink};
use super::window::within;
use crate::domain::conflict::RuleId;

/// The cross-team rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<i64>, sink: &mut S) {
    let me = cx.it();
    if me.exempt() {
        return;
    }
    let window = on.p;
    let other_team = move |o: &&Item| {
        !o.exempt() && o.team != me.team && within((me.lo, me.hi), (o.lo, o.hi), window)
    };
    let Some(clears) = cx
        .others()
        .filter(other_team)
        .map(|o| o.hi - 1 + window)
        .max()
    else {
        return;
    };
    sink.hit(RuleId::CrossTeam, on.severity, Retry::At(clears), || {
        let prefix = format_args!("Other teams touch this contact within {}: ", span(window));
        let (message, touch_ids) = listing(cx, prefix, cx.others().filter(other_team));
        Explanation { message, touch_ids }
    });
}
