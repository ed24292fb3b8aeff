//! `addressee`: mail or email to a known contact must be addressed by name, never to
//! "current resident".

use super::compiled::On;
use super::context::Ctx;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;
use crate::domain::vocabulary::Channel;

/// The addressee rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    let channel = cx.it().channel;
    if !matches!(channel, Channel::Mail | Channel::Email) || cx.touch.personalized {
        return;
    }
    sink.hit(RuleId::Addressee, on.severity, Retry::Never, || {
        Explanation {
            message: format!(
                "Un-addressed {} to a known contact: address it by name, not \"current resident\"",
                channel.noun()
            ),
            touch_ids: Vec::new(),
        }
    });
}
