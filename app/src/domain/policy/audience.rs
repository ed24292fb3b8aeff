//! `audience`: the contact fails the touch's (or its campaign's) audience conditions, e.g.
//! diaper coupons to the parent of a 15-year-old.

use super::compiled::On;
use super::context::Ctx;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;

/// The audience rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    let Some(audience) = cx.touch.audience.as_ref() else {
        return;
    };
    if audience.matches(cx.contact) {
        return;
    }
    sink.hit(RuleId::Audience, on.severity, Retry::Never, || {
        let mut message = String::with_capacity(96);
        message.push_str("The contact is outside the audience: ");
        for (k, (condition, actual)) in audience.misses(cx.contact).enumerate() {
            message.push_str(if k > 0 { ", `" } else { "`" });
            let _ = condition.write_to(&mut message);
            message.push_str("` (");
            let _ = actual.write_to(&mut message);
            message.push(')');
        }
        Explanation {
            message,
            touch_ids: Vec::new(),
        }
    });
}
