//! `refusal_quiet_period`: after the contact refused solicitations on a channel (an opt-out on
//! it), none on that channel for the period the law sets — 60 days in France, for good in the
//! United Kingdom — whatever consent says later.

use super::compiled::On;
use super::context::Ctx;
use super::explain::{format_instant, instant};
use super::legal::{covering, solicitations};
use super::sink::{Explanation, Retry, Sink};
use crate::domain::compliance::packs::LegalKind;
use crate::domain::conflict::RuleId;
use crate::domain::vocabulary::InteractionKind;

const DAY: i64 = 86_400_000;

/// The refusal quiet period rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    let me = cx.it();
    let mut periods = covering(cx)
        .filter(|rule| matches!(rule.kind, LegalKind::RefusalQuiet { .. }))
        .peekable();
    if periods.peek().is_none() {
        return;
    }
    let refused = cx
        .ledger
        .interactions
        .iter()
        .filter(|i| i.kind == InteractionKind::Unsubscribe && i.channel == me.channel)
        .map(|i| i.at.timestamp_millis())
        .filter(|at| *at <= me.at)
        .max();
    let Some(refused) = refused else {
        return;
    };
    let found = periods.find_map(|rule| match rule.kind {
        LegalKind::RefusalQuiet { days } => {
            let until = days.map(|d| refused + i64::from(d) * DAY);
            until
                .is_none_or(|until| me.at < until)
                .then_some((rule, days, until))
        }
        _ => None,
    });
    let Some((rule, days, until)) = found else {
        return;
    };
    let retry = until.map_or(Retry::Never, Retry::At);
    sink.hit(RuleId::RefusalQuietPeriod, on.severity, retry, || {
        let what = solicitations(me.channel);
        let on = format_instant(instant(refused), cx.display);
        let message = match (days, until) {
            (Some(days), Some(until)) => format!(
                "{} allows no {what} for {days} days after a refusal ({}); the contact refused on {on}, so not before {}",
                rule.law,
                rule.source,
                format_instant(instant(until), cx.display)
            ),
            _ => format!(
                "{} makes an objection to direct marketing final ({}); the contact objected on {on}",
                rule.law, rule.source
            ),
        };
        Explanation {
            message,
            touch_ids: Vec::new(),
        }
    });
}
