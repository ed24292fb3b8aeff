//! `do_not_contact`: a contact so marked gets transactional touches only.

use super::compiled::On;
use super::context::Ctx;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;

/// The do-not-contact rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    if !cx.contact.do_not_contact || cx.it().exempt() {
        return;
    }
    sink.hit(RuleId::DoNotContact, on.severity, Retry::Never, || {
        Explanation {
            message:
                "The contact is marked do-not-contact: only transactional messages may be sent"
                    .to_owned(),
            touch_ids: Vec::new(),
        }
    });
}
