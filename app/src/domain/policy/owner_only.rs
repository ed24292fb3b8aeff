//! `owner_only`: an owned contact gets sales follow-ups only from its owner.

use super::compiled::On;
use super::context::Ctx;
use super::sink::{Explanation, Retry, Sink};
use crate::domain::conflict::RuleId;
use crate::domain::vocabulary::Purpose;

/// The owner-only rule.
pub(crate) fn check<S: Sink>(cx: &Ctx, on: &On<()>, sink: &mut S) {
    let me = cx.it();
    let Some(owner) = cx.contact.owner() else {
        return;
    };
    if me.purpose != Purpose::SalesFollowup || me.author == owner {
        return;
    }
    sink.hit(RuleId::OwnerOnly, on.severity, Retry::Never, || {
        Explanation {
            message: format!(
                "Owned by {}: only the owner sends sales follow-ups",
                cx.ledger.names.user(owner)
            ),
            touch_ids: Vec::new(),
        }
    });
}
