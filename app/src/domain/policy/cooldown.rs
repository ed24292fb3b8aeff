//! `first_touch_cooldown`: after a prospect's or lead's first inbound interaction, no sales
//! follow-up for a while, then at most N in the following window (the "lead genocide" story).

use super::compiled::{CooldownMs, On};
use super::context::Ctx;
use super::explain::{listing, ordinal, span, when};
use super::item::Item;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;
use crate::domain::vocabulary::{Purpose, Stage};

/// The first inbound interaction (ms) and, when it is in the ledger, what it was.
fn first_inbound(cx: &Ctx) -> Option<(i64, Option<&'static str>)> {
    let from_ledger = cx
        .ledger
        .interactions
        .iter()
        .filter(|i| i.kind.is_inbound())
        .map(|i| (i.at.timestamp_millis(), Some(i.kind.as_str())))
        .min();
    let known = cx
        .contact
        .first_inbound_at
        .map(|at| (at.timestamp_millis(), None));
    match (from_ledger, known) {
        (Some(a), Some(b)) if b.0 < a.0 => Some(b),
        (Some(a), _) => Some(a),
        (None, b) => b,
    }
}

/// The cool-down rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<CooldownMs>, sink: &mut S) {
    let me = cx.it();
    if !matches!(cx.contact.stage, Stage::Prospect | Stage::Lead)
        || me.purpose != Purpose::SalesFollowup
    {
        return;
    }
    let Some((first, kind)) = first_inbound(cx) else {
        return;
    };
    let CooldownMs {
        cooldown,
        window,
        limit,
    } = on.p;
    let (open, close) = (first + cooldown, first + cooldown + window);
    if me.at < first || me.at >= close {
        return;
    }
    let zone = cx.display;
    if me.at < open {
        sink.hit(
            RuleId::FirstTouchCooldown,
            on.severity,
            Retry::At(open),
            || {
                let what = match kind {
                    Some(kind) => format!("{kind} {}", when(first, me.at, zone)),
                    None => "first inbound".to_owned(),
                };
                let (after, pause) = (span(me.at - first), span(cooldown));
                let until = when(open, me.at, zone);
                Explanation {
                    message: format!(
                        "Sales follow-up {after} after their first inbound interaction ({what}); \
                     cool-down {pause}, until {until}"
                    ),
                    touch_ids: Vec::new(),
                }
            },
        );
        return;
    }
    let follow_up =
        move |o: &&Item| o.purpose == Purpose::SalesFollowup && o.at >= open && o.at < close;
    let count = cx.others().filter(follow_up).count() as u32;
    if count < limit {
        return;
    }
    sink.hit(
        RuleId::FirstTouchCooldown,
        on.severity,
        Retry::At(close),
        || {
            let nth = ordinal(count + 1);
            let prefix = format_args!(
                "{nth} sales follow-up in the {} after the cool-down, limit {limit}: ",
                span(window)
            );
            let (message, touch_ids) = listing(cx, prefix, cx.others().filter(follow_up));
            Explanation { message, touch_ids }
        },
    );
}
