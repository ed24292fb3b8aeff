//! `consent`: the channel needs the contact's consent and an address on file; a number or
//! address on a suppression list in force is blocked for the list's channels; and a touch about
//! a topic needs the contact not to have opted out of it (a relationship basis that has lapsed
//! counts as not set). Never waived, not even for transactional touches.

use super::compiled::On;
use super::context::Ctx;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;
use crate::domain::consent::{Topic, TopicState};
use crate::domain::vocabulary::Channel;

/// The consent rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    let channel = cx.it().channel;
    let contact = cx.contact;
    let reason = if !contact.reach.has(channel) {
        match channel {
            Channel::Email => "No email address on file",
            Channel::Sms | Channel::Phone => "No phone number on file",
            Channel::Mail => "No full postal address on file for mail",
        }
    } else if !contact.consent.allows(channel) {
        match channel {
            Channel::Email => "The contact unsubscribed from email",
            Channel::Sms => "The contact has not opted in to SMS",
            Channel::Phone => "The contact's number is on the do-not-call list",
            Channel::Mail => "The contact refused mail",
        }
    } else if contact.suppressed & (1 << channel.index()) != 0 {
        match channel {
            Channel::Email => "The contact's address is on a suppression list",
            _ => "The contact's number is on a do-not-call or suppression list",
        }
    } else if let Some(topic) = opted_out(cx) {
        sink.hit(RuleId::Consent, on.severity, Retry::Never, || Explanation {
            message: format!("The contact opted out of {topic}"),
            touch_ids: Vec::new(),
        });
        return;
    } else {
        return;
    };
    sink.hit(RuleId::Consent, on.severity, Retry::Never, || Explanation {
        message: reason.to_owned(),
        touch_ids: Vec::new(),
    });
}

/// The touch's topic, when the contact opted out of it.
fn opted_out<'a>(cx: &Ctx<'a>) -> Option<&'a Topic> {
    let topic = cx.touch.topic.as_ref()?;
    let topics = &cx.contact.topics;
    if topics.is_empty() {
        return None;
    }
    (topics.state_at(topic, cx.touch.scheduled_at) == TopicState::OptedOut).then_some(topic)
}
