//! Runs every enabled rule, in DESIGN's table order, against one proposed touch.

use super::context::Ctx;
use super::sink::Sink;
use super::{
    addressee, audience, cap, channel_mix, consent, cooldown, cross_team, customer_promo,
    do_not_contact, holiday, legal_call_cap, legal_hours, min_gap, owner_only, quiet_hours,
    refusal_quiet, robo_care,
};
use crate::domain::conflict::RuleId;

/// Runs each rule that is on and whose severity the sink wants.
pub(crate) fn run<S: Sink>(cx: &Ctx, sink: &mut S) {
    let r = cx.rules;
    macro_rules! rule {
        ($field:ident, |$on:ident| $call:expr) => {
            if let Some($on) = &r.$field {
                if sink.wants($on.severity) {
                    $call;
                }
            }
        };
    }
    rule!(daily_cap, |on| cap::check(cx, RuleId::DailyCap, on, sink));
    rule!(weekly_cap, |on| cap::check(cx, RuleId::WeeklyCap, on, sink));
    rule!(min_gap, |on| min_gap::check(cx, on, sink));
    rule!(channel_mix, |on| channel_mix::check(cx, on, sink));
    rule!(cooldown, |on| cooldown::check(cx, on, sink));
    rule!(quiet_hours, |on| quiet_hours::check(cx, on, sink));
    rule!(consent, |on| consent::check(cx, on, sink));
    rule!(do_not_contact, |on| do_not_contact::check(cx, on, sink));
    rule!(customer_promo, |on| customer_promo::check(cx, on, sink));
    rule!(owner_only, |on| owner_only::check(cx, on, sink));
    rule!(cross_team, |on| cross_team::check(cx, on, sink));
    rule!(addressee, |on| addressee::check(cx, on, sink));
    rule!(robo_care, |on| robo_care::check(cx, on, sink));
    rule!(audience, |on| audience::check(cx, on, sink));
    rule!(holiday, |on| holiday::blackout(cx, on, sink));
    if cx.legal.is_empty() {
        return;
    }
    rule!(legal_hours, |on| legal_hours::check(cx, on, sink));
    rule!(legal_call_cap, |on| legal_call_cap::check(cx, on, sink));
    rule!(holiday, |on| holiday::check(cx, on, sink));
    rule!(refusal_quiet_period, |on| refusal_quiet::check(
        cx, on, sink
    ));
}
