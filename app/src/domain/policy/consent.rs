//! `consent`: the channel needs the contact's consent and an address on file. Never waived,
//! not even for transactional touches.

use super::compiled::On;
use super::context::Ctx;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;
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
    } else {
        return;
    };
    sink.hit(RuleId::Consent, on.severity, Retry::Never, || Explanation {
        message: reason.to_owned(),
        touch_ids: Vec::new(),
    });
}
