//! Suppression lists in the engine: a contact whose number is on a list in force is blocked by
//! `consent` on the list's channels only, transactional touches included.

use super::*;
use crate::domain::ledger::Ledger;
use crate::domain::policy::evaluate;
use crate::domain::rules::Rules;
use Channel::{Email, Phone, Sms};

fn consent(c: &ContactFacts, channel: Channel, purpose: Purpose) -> Vec<String> {
    let touch = ProposedTouch::new(
        channel,
        purpose,
        INSIDE,
        DANA,
        local(c.time_zone, "2026-12-09 11:00"),
    );
    evaluate(c, Ledger::empty(), &Rules::default(), &[touch])
        .into_iter()
        .filter(|conflict| conflict.rule == RuleId::Consent)
        .map(|conflict| conflict.message)
        .collect()
}

#[test]
fn a_suppressed_number_blocks_calls_and_texts_but_not_email() {
    let mut c = contact(Stage::Lead);
    assert!(consent(&c, Phone, Purpose::SalesFollowup).is_empty());
    c.suppressed = (1 << Phone.index()) | (1 << Sms.index());
    assert_eq!(
        consent(&c, Phone, Purpose::SalesFollowup),
        ["The contact's number is on a do-not-call or suppression list"]
    );
    assert_eq!(consent(&c, Sms, Purpose::Transactional).len(), 1);
    assert!(consent(&c, Email, Purpose::Promotional).is_empty());
}
