//! `min_gap`: at least this long between two touches to one contact. Mail (which has no hour)
//! and transactional touches are ignored.

use super::compiled::On;
use super::context::Ctx;
use super::explain::{label, span};
use super::item::Item;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;

/// The minimum-gap rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<i64>, sink: &mut S) {
    let me = cx.it();
    if me.exempt() || me.is_mail() {
        return;
    }
    let gap = on.p;
    let close = move |o: &&Item| !o.exempt() && !o.is_mail() && (o.at - me.at).abs() < gap;
    let Some(latest) = cx.others().filter(close).map(|o| o.at).max() else {
        return;
    };
    sink.hit(RuleId::MinGap, on.severity, Retry::At(latest + gap), || {
        let mut near: Vec<&Item> = cx.others().filter(close).collect();
        near.sort_by_key(|item| item.sort_key());
        let parts: Vec<String> = near
            .iter()
            .map(|o| {
                let side = if o.at <= me.at { "earlier" } else { "later" };
                format!("{} ({} {side})", label(cx, o), span(o.at - me.at))
            })
            .collect();
        Explanation {
            message: format!("Less than {} from {}", span(gap), parts.join(", ")),
            touch_ids: near.iter().filter_map(|o| o.id).collect(),
        }
    });
}
