//! `robo_care`: an automated call with a relationship purpose (a robot saying "we care").

use super::compiled::On;
use super::context::Ctx;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;
use crate::domain::vocabulary::{Channel, Purpose};

/// The robo-care rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    let touch = cx.touch;
    if touch.channel != Channel::Phone || !touch.automated || touch.purpose != Purpose::Relationship
    {
        return;
    }
    sink.hit(RuleId::RoboCare, on.severity, Retry::Never, || {
        Explanation {
            message: "An automated call for a relationship touch: a robot saying \"we care\" \
                  rings hollow; have a person call"
                .to_owned(),
            touch_ids: Vec::new(),
        }
    });
}
