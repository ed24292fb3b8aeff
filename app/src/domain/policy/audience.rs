//! `audience`: the contact fails the touch's (or its campaign's) audience conditions, e.g.
//! diaper coupons to the parent of a 15-year-old.

use super::compiled::On;
use super::context::Ctx;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;
use std::fmt::Write;

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
            let comma = if k > 0 { ", " } else { "" };
            let _ = write!(message, "{comma}`{condition}` ({actual})");
        }
        Explanation {
            message,
            touch_ids: Vec::new(),
        }
    });
}
